package dev.cloudshop.inventory.product;

import java.math.BigDecimal;

/**
 * A product as the public API shows it.
 */
record ProductView(String sku, String name, String description, String category, Money price, String imageId) {

	record Money(BigDecimal amount, String currency) {
	}

	static ProductView of(Product product) {
		return new ProductView(product.getSku(), product.getName(), product.getDescription(), product.getCategory(),
				new Money(product.getPrice(), product.getCurrency()), product.getImageId());
	}

}
