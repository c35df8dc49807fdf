package dev.cloudshop.payment.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges and refunds, the way a payment provider does: at most one charge per order,
 * whatever the retries and the concurrency, and refunds that may be repeated.
 */
@Service
class PaymentProcessor {

	private static final Logger logger = LoggerFactory.getLogger(PaymentProcessor.class);

	private final Payments payments;

	private final Duration slowTokenDelay;

	private final Clock clock;

	PaymentProcessor(Payments payments, SimulatorProperties properties, Clock clock) {
		this.payments = payments;
		this.slowTokenDelay = properties.slowTokenDelay();
		this.clock = clock;
	}

	/**
	 * Charges an order once. Asking again for the same amount and currency answers the
	 * payment made the first time, approved or declined, and charges nothing; an order
	 * whose charge was voided is answered with the void.
	 * <p>
	 * Not transactional on purpose: no database connection is held while the simulated
	 * provider makes a slow token wait, and the unique order id decides a race between
	 * two identical charges.
	 * @param request a valid charge
	 * @return the payment, and whether this call made it
	 * @throws UnknownTokenException if the token is not a test token
	 * @throws PaymentConflictException if the order has a payment of another amount or
	 * currency
	 */
	Charge charge(ChargeRequest request) {
		TestToken token = TestToken.of(request.paymentToken());
		Payment existing = this.payments.findByOrderId(request.orderId()).orElse(null);
		if (existing != null) {
			return repeated(existing, request);
		}
		if (token.isSlow()) {
			pause(this.slowTokenDelay);
		}
		Payment payment = token.charge(request.orderId(), request.amount(), request.currency(), this.clock.instant());
		try {
			payment = this.payments.saveAndFlush(payment);
		}
		catch (DataIntegrityViolationException ex) {
			// An identical charge raced this one and won: answer its payment.
			return repeated(this.payments.findByOrderId(request.orderId()).orElseThrow(() -> ex), request);
		}
		logger.info("Payment {} for order {}: {}{}", payment.getId(), payment.getOrderId(), payment.getStatus(),
				(payment.getDeclineReason() != null) ? " " + payment.getDeclineReason() : "");
		return new Charge(payment, true);
	}

	/**
	 * Makes sure an order is never charged from now on: if it has no payment yet, records
	 * a void under its order id, so that a charge still on its way (a slow provider, a
	 * request stuck in a queue) finds it and charges nothing. If the order has a payment
	 * already, that payment is the answer and nothing changes.
	 * @param orderId the order
	 * @return the order's payment, voided or as it was, and whether this call voided it
	 */
	Charge voidCharge(String orderId) {
		Payment existing = this.payments.findByOrderId(orderId).orElse(null);
		if (existing != null) {
			return new Charge(existing, false);
		}
		try {
			Payment voided = this.payments.saveAndFlush(Payment.voided(orderId, this.clock.instant()));
			logger.info("Payment {} for order {}: {}", voided.getId(), orderId, voided.getStatus());
			return new Charge(voided, true);
		}
		catch (DataIntegrityViolationException ex) {
			// A charge for the order landed first: it is the answer.
			return new Charge(this.payments.findByOrderId(orderId).orElseThrow(() -> ex), false);
		}
	}

	/**
	 * Refunds a payment; refunding it again answers the refunded payment.
	 * @param paymentId the payment
	 * @return the refunded payment
	 * @throws PaymentNotFoundException if there is no such payment
	 * @throws RefundNotAllowedException if the payment was declined
	 */
	@Transactional
	Payment refund(UUID paymentId) {
		Payment payment = this.payments.findForUpdateById(paymentId)
			.orElseThrow(() -> PaymentNotFoundException.byId(paymentId));
		PaymentStatus before = payment.getStatus();
		payment.refund(this.clock.instant());
		if (before != payment.getStatus()) {
			logger.info("Payment {} for order {}: {}", payment.getId(), payment.getOrderId(), payment.getStatus());
		}
		return payment;
	}

	private static Charge repeated(Payment existing, ChargeRequest request) {
		if (existing.isVoided()) {
			// The order's charge was voided while this one was on its way.
			return new Charge(existing, false);
		}
		if (!existing.isSameCharge(request.amount(), request.currency())) {
			throw new PaymentConflictException(existing);
		}
		return new Charge(existing, false);
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The outcome of a charge.
	 *
	 * @param payment the order's payment
	 * @param created whether this charge made it, or an earlier identical one did
	 */
	record Charge(Payment payment, boolean created) {
	}

}
