package dev.cloudshop.inventory.product;

/**
 * A product as the public API shows it, with how many can be ordered right now.
 */
record ProductView(String sku, String name, String description, String category, Money price, String imageId,
		int available) {

	static ProductView of(Product product, int available) {
		return new ProductView(product.getSku(), product.getName(), product.getDescription(), product.getCategory(),
				Money.of(product.getPrice(), product.getCurrency()), product.getImageId(), available);
	}

}
