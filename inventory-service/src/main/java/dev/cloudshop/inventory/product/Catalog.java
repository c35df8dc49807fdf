package dev.cloudshop.inventory.product;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's prices, for the features that sell products: a price always comes from
 * here, never from a client.
 */
@Component
public class Catalog {

	private final Products products;

	Catalog(Products products) {
		this.products = products;
	}

	/**
	 * @param skus the products to price
	 * @return the price of each product that exists; unknown skus are missing
	 */
	@Transactional(readOnly = true)
	public Map<String, Money> pricesOf(Collection<String> skus) {
		return this.products.findBySkuIn(skus)
			.stream()
			.collect(Collectors.toMap(Product::getSku,
					(product) -> Money.of(product.getPrice(), product.getCurrency())));
	}

}
