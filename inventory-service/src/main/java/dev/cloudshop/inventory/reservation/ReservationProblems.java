package dev.cloudshop.inventory.reservation;

import java.util.List;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Why a reservation was refused.
 */
final class ReservationProblems {

	private ReservationProblems() {
	}

	/**
	 * One product that has fewer units available than asked for.
	 */
	record Shortage(String sku, int requested, int available) {
	}

	static ErrorResponseException insufficientStock(String orderId, List<Shortage> shortages) {
		ErrorResponseException exception = Problems
			.exception(Problems.of(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
					"Not enough stock of " + shortages.stream().map(Shortage::sku).toList() + " for order " + orderId));
		exception.getBody().setProperty("orderId", orderId);
		exception.getBody().setProperty("shortages", shortages);
		return exception;
	}

	static ErrorResponseException unknownProducts(List<String> skus) {
		ErrorResponseException exception = Problems.exception(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
				"unknown-product", "Unknown product", "The catalog has no product " + String.join(", ", skus)));
		exception.getBody().setProperty("skus", skus);
		exception.getBody().setProperty("field", "lines");
		return exception;
	}

	static ErrorResponseException mixedCurrencies(List<String> currencies) {
		ErrorResponseException exception = Problems
			.exception(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "mixed-currencies", "Mixed currencies",
					"The products are priced in " + currencies + "; one reservation has one currency"));
		exception.getBody().setProperty("field", "lines");
		return exception;
	}

	static ErrorResponseException mismatch(String orderId) {
		ErrorResponseException exception = Problems
			.exception(Problems.of(HttpStatus.CONFLICT, "reservation-mismatch", "Reservation exists with other lines",
					"Order " + orderId + " already holds a reservation of other products or quantities"));
		exception.getBody().setProperty("orderId", orderId);
		return exception;
	}

}
