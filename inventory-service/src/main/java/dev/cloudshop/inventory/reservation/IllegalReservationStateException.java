package dev.cloudshop.inventory.reservation;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A move the reservation's state does not allow, such as committing a released one.
 */
class IllegalReservationStateException extends ErrorResponseException {

	IllegalReservationStateException(String orderId, ReservationStatus status, String move) {
		super(HttpStatus.CONFLICT,
				Problems.of(HttpStatus.CONFLICT, "reservation-" + status.name().toLowerCase(),
						"Reservation is " + status.name().toLowerCase(),
						"The reservation of order " + orderId + " is " + status + " and cannot " + move),
				null);
		getBody().setProperty("orderId", orderId);
		// Not "status": that member is the HTTP status of every problem.
		getBody().setProperty("reservationStatus", status.name());
	}

}
