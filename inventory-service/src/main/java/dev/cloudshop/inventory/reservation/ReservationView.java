package dev.cloudshop.inventory.reservation;

import java.time.Instant;
import java.util.List;

import dev.cloudshop.inventory.product.Money;

/**
 * A reservation as the API shows it: the prices come from the catalog.
 */
record ReservationView(String orderId, ReservationStatus status, List<Line> lines, Money total, Instant expiresAt) {

	record Line(String sku, int quantity, Money unitPrice) {
	}

	static ReservationView of(Reservation reservation) {
		String currency = reservation.getCurrency();
		return new ReservationView(reservation.getOrderId(), reservation.getStatus(),
				reservation.getLines()
					.stream()
					.map((line) -> new Line(line.sku(), line.quantity(), Money.of(line.unitPrice(), currency)))
					.toList(),
				Money.of(reservation.getTotal(), currency), reservation.getExpiresAt());
	}

}
