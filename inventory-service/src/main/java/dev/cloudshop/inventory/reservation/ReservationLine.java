package dev.cloudshop.inventory.reservation;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

/**
 * A quantity of one product held at the catalog's unit price.
 *
 * @param sku the product
 * @param quantity how many units
 * @param unitPrice the catalog price of one unit when reserved
 */
@Embeddable
record ReservationLine(String sku, int quantity, BigDecimal unitPrice) {

	BigDecimal subtotal() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
