package dev.cloudshop.order.order;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

import org.springframework.util.Assert;

/**
 * One line of an order: a quantity of one product, and its unit price once inventory has
 * given it.
 *
 * @param sku the product's stock keeping unit
 * @param quantity how many, at least one
 * @param unitPrice the price of one unit, {@code null} until priced
 */
@Embeddable
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

	public OrderLine {
		Assert.hasText(sku, "sku must not be blank");
		Assert.isTrue(quantity > 0, "quantity must be positive");
	}

	boolean isPriced() {
		return this.unitPrice != null;
	}

	BigDecimal subtotal() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
