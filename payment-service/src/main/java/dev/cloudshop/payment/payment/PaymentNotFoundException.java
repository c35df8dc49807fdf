package dev.cloudshop.payment.payment;

import java.util.UUID;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No payment has the id or the order asked for.
 */
class PaymentNotFoundException extends ErrorResponseException {

	private PaymentNotFoundException(String property, Object value, String detail) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Unknown payment", detail), null);
		getBody().setProperty(property, value);
	}

	static PaymentNotFoundException byId(UUID paymentId) {
		return new PaymentNotFoundException("paymentId", paymentId, "No payment has the id " + paymentId);
	}

	static PaymentNotFoundException byOrder(String orderId) {
		return new PaymentNotFoundException("orderId", orderId, "No payment was made for the order " + orderId);
	}

}
