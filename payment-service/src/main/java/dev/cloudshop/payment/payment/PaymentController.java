package dev.cloudshop.payment.payment;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.cloudshop.payment.chaos.FaultInjected;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentController {

	private final PaymentProcessor processor;

	private final Payments payments;

	PaymentController(PaymentProcessor processor, Payments payments) {
		this.processor = processor;
		this.payments = payments;
	}

	// 201 for a new payment, approved or declined alike: a decline is an outcome, not an
	// error. 200 with the same payment for a repeated charge.
	@PostMapping
	@FaultInjected
	ResponseEntity<PaymentView> charge(@Valid @RequestBody ChargeRequest request) {
		PaymentProcessor.Charge charge = this.processor.charge(request);
		PaymentView payment = PaymentView.of(charge.payment());
		if (!charge.created()) {
			return ResponseEntity.ok(payment);
		}
		// Relative, so that it holds through the gateway.
		return ResponseEntity.created(URI.create("/api/payments/" + payment.id())).body(payment);
	}

	/**
	 * Voids the charge of an order before it is made: 201 with a VOIDED payment, or 200
	 * with the payment the order already has. order-service asks this before it fails an
	 * order whose charge it never heard back from, so a charge still on its way cannot
	 * land afterwards.
	 */
	@PostMapping("/void")
	@FaultInjected
	ResponseEntity<PaymentView> voidCharge(@Valid @RequestBody VoidRequest request) {
		PaymentProcessor.Charge voided = this.processor.voidCharge(request.orderId());
		PaymentView payment = PaymentView.of(voided.payment());
		if (!voided.created()) {
			return ResponseEntity.ok(payment);
		}
		return ResponseEntity.created(URI.create("/api/payments/" + payment.id())).body(payment);
	}

	@PostMapping("/{paymentId}/refund")
	@FaultInjected
	PaymentView refund(@PathVariable UUID paymentId) {
		return PaymentView.of(this.processor.refund(paymentId));
	}

	@GetMapping("/{paymentId}")
	PaymentView byId(@PathVariable UUID paymentId) {
		return this.payments.findById(paymentId)
			.map(PaymentView::of)
			.orElseThrow(() -> PaymentNotFoundException.byId(paymentId));
	}

	// The order service asks this to settle a charge whose outcome it did not hear.
	@GetMapping
	PaymentView byOrder(@RequestParam @NotNull @Pattern(regexp = Payment.ORDER_ID_FORMAT,
			message = "must be 1 to 64 letters, digits or dashes") String orderId) {
		return this.payments.findByOrderId(orderId)
			.map(PaymentView::of)
			.orElseThrow(() -> PaymentNotFoundException.byOrder(orderId));
	}

}
