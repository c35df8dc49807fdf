package dev.cloudshop.payment.payment;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A well-formed payment token that this provider never issued.
 */
class UnknownTokenException extends ErrorResponseException {

	UnknownTokenException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				Problems.ofField(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-token", "Unknown payment token",
						"paymentToken", "The payment token is not one this provider issued; see its test tokens"),
				null);
	}

}
