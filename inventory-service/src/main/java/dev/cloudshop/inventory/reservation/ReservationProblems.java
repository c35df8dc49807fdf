package dev.cloudshop.inventory.reservation;

import java.util.List;

import dev.cloudshop.inventory.problem.Problems;

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
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(
				HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
				"Not enough stock of " + shortages.stream().map(Shortage::sku).toList() + " for order " + orderId),
				null);
		exception.getBody().setProperty("orderId", orderId);
		exception.getBody().setProperty("shortages", shortages);
		return exception;
	}

	static ErrorResponseException unknownProducts(List<String> skus) {
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT,
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product", "Unknown product",
						"The catalog has no product " + String.join(", ", skus)),
				null);
		exception.getBody().setProperty("skus", skus);
		exception.getBody().setProperty("field", "lines");
		return exception;
	}

	static ErrorResponseException mixedCurrencies(List<String> currencies) {
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT,
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "mixed-currencies", "Mixed currencies",
						"The products are priced in " + currencies + "; one reservation has one currency"),
				null);
		exception.getBody().setProperty("field", "lines");
		return exception;
	}

	static ErrorResponseException mismatch(String orderId) {
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.CONFLICT,
				Problems.of(HttpStatus.CONFLICT, "reservation-mismatch", "Reservation exists with other lines",
						"Order " + orderId + " already holds a reservation of other products or quantities"),
				null);
		exception.getBody().setProperty("orderId", orderId);
		return exception;
	}

}
