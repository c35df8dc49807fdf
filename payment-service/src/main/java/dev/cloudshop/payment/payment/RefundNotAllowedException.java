package dev.cloudshop.payment.payment;

import java.util.UUID;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refund of a payment that took no money: a declined one.
 */
class RefundNotAllowedException extends ErrorResponseException {

	RefundNotAllowedException(UUID paymentId) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "refund-not-allowed", "Refund not allowed",
				"Payment " + paymentId + " was declined or voided: it took no money, so there is nothing to refund"),
				null);
		getBody().setProperty("paymentId", paymentId);
	}

}
