package dev.cloudshop.payment.payment;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A card number sent where a payment token belongs. The service never takes card numbers:
 * a client must tokenize the card with the provider first.
 */
class CardNumberRefusedException extends ErrorResponseException {

	CardNumberRefusedException() {
		super(HttpStatus.BAD_REQUEST,
				Problems.ofField(HttpStatus.BAD_REQUEST, "card-number-refused", "Card number refused", "paymentToken",
						"paymentToken looks like a card number; card numbers are never accepted, send a payment token"),
				null);
	}

}
