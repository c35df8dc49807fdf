package dev.cloudshop.payment.payment;

import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
@Transactional(readOnly = true)
class PaymentController {

	private final Payments payments;

	PaymentController(Payments payments) {
		this.payments = payments;
	}

	// The order service asks this to settle a charge whose outcome it did not hear.
	@GetMapping
	PaymentView byOrder(@RequestParam @NotBlank String orderId) {
		return this.payments.findByOrderId(orderId).map(PaymentView::of).orElseThrow(() -> unknownPayment(orderId));
	}

	private static ErrorResponseException unknownPayment(String orderId) {
		var exception = new ErrorResponseException(HttpStatus.NOT_FOUND);
		exception.getBody().setTitle("Unknown payment");
		exception.getBody().setDetail("No payment was made for the order " + orderId);
		exception.getBody().setProperty("orderId", orderId);
		return exception;
	}

}
