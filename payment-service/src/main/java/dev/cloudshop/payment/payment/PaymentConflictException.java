package dev.cloudshop.payment.payment;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A charge for an order that already has a payment of a different amount or currency. The
 * detail tells what the order was charged, never what the refused request asked for.
 */
class PaymentConflictException extends ErrorResponseException {

	PaymentConflictException(Payment existing) {
		super(HttpStatus.CONFLICT,
				Problems.of(HttpStatus.CONFLICT, "payment-conflict", "Payment conflict",
						"Order " + existing.getOrderId() + " already has payment " + existing.getId() + " of "
								+ existing.getAmount().toPlainString() + " " + existing.getCurrency()
								+ "; a repeated charge must ask for the same amount and currency"),
				null);
		getBody().setProperty("orderId", existing.getOrderId());
		getBody().setProperty("paymentId", existing.getId());
	}

}
