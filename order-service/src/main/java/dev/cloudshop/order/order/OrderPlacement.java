package dev.cloudshop.order.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cloudshop.order.inventory.InventoryClient;
import dev.cloudshop.order.inventory.InventoryClient.ReservationOutcome;
import dev.cloudshop.order.payment.PaymentClient;
import dev.cloudshop.order.resilience.DependencyUnavailableException;
import dev.cloudshop.order.resilience.OutcomeUnknownException;

import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The order saga, orchestrated: reserve stock, charge, commit the reservation. Every
 * failure on the way is compensated (the reservation released, the charge refunded) and
 * ends the order FAILED with a reason. A charge whose outcome is unknown leaves the order
 * PAYMENT_UNKNOWN until {@link #resume} learns it from payment-service.
 */
@Service
public class OrderPlacement {

	private static final Logger logger = LoggerFactory.getLogger(OrderPlacement.class);

	private final OrderSteps steps;

	private final InventoryClient inventory;

	private final PaymentClient payments;

	private final SagaProperties properties;

	OrderPlacement(OrderSteps steps, InventoryClient inventory, PaymentClient payments, SagaProperties properties) {
		this.steps = steps;
		this.inventory = inventory;
		this.payments = payments;
		this.properties = properties;
	}

	/**
	 * Creates the order only; {@link #run} takes it from there. The idempotency record
	 * learns the order id in between.
	 */
	Order create(String customerId, String email, List<OrderLine> lines) {
		return this.steps.create(customerId, email, lines);
	}

	Order run(UUID id, String paymentToken) {
		Order order = this.steps.load(id);
		String orderId = id.toString();
		ReservationOutcome reservation;
		try {
			reservation = this.inventory.reserve(orderId,
					order.getLines()
						.stream()
						.map((line) -> new InventoryClient.Line(line.sku(), line.quantity()))
						.toList());
		}
		catch (DependencyUnavailableException ex) {
			return this.steps.failed(id, FailureReason.DEPENDENCY_UNAVAILABLE,
					"inventory-service is unavailable; nothing was reserved or charged", false);
		}
		catch (OutcomeUnknownException ex) {
			releaseQuietly(orderId);
			return this.steps.failed(id, FailureReason.DEPENDENCY_UNAVAILABLE,
					"inventory-service did not answer in time; nothing was charged", false);
		}
		if (reservation instanceof ReservationOutcome.OutOfStock outOfStock) {
			return this.steps.failed(id, FailureReason.OUT_OF_STOCK, outOfStock.detail(), false);
		}
		if (reservation instanceof ReservationOutcome.Rejected rejected) {
			return this.steps.failed(id, FailureReason.UNKNOWN_PRODUCT, rejected.detail(), false);
		}
		order = this.steps.stockReserved(id, ((ReservationOutcome.Reserved) reservation).reservation());
		PaymentClient.Payment payment;
		try {
			payment = this.payments.charge(orderId, order.getTotal(), order.getCurrency(), paymentToken);
		}
		catch (DependencyUnavailableException ex) {
			releaseQuietly(orderId);
			return this.steps.failed(id, FailureReason.DEPENDENCY_UNAVAILABLE,
					"payment-service is unavailable; the stock was released and nothing was charged", false);
		}
		catch (OutcomeUnknownException ex) {
			logger.warn("The charge of order {} has an unknown outcome; the recovery job will ask payment-service", id);
			return this.steps.paymentUnknown(id);
		}
		catch (HttpClientErrorException ex) {
			releaseQuietly(orderId);
			return this.steps.failed(id, FailureReason.PAYMENT_FAILED,
					"payment-service refused the charge (" + ex.getStatusCode().value() + ")", false);
		}
		return settle(id, payment);
	}

	/**
	 * Takes over an order nobody has moved for a while and brings it to a final state, or
	 * at least one step closer. Called by the recovery job, also after a restart.
	 */
	Order resume(UUID id) {
		Order order = this.steps.load(id);
		String orderId = id.toString();
		if (order.isPastDeadline(this.properties.deadline(), Instant.now())) {
			return giveUp(order);
		}
		switch (order.getStatus()) {
			case PENDING -> {
				releaseQuietly(orderId);
				return this.steps.failed(id, FailureReason.DEPENDENCY_UNAVAILABLE,
						"The order was interrupted before its stock was reserved; nothing was charged", false);
			}
			case STOCK_RESERVED, PAYMENT_UNKNOWN -> {
				Optional<PaymentClient.Payment> payment = this.payments.find(orderId);
				if (payment.isPresent()) {
					return settle(id, payment.get());
				}
				releaseQuietly(orderId);
				return this.steps.failed(id, FailureReason.PAYMENT_FAILED,
						"The charge never completed; the stock was released", false);
			}
			case PAID -> {
				return commit(id);
			}
			default -> {
				return order;
			}
		}
	}

	/**
	 * Refunds the charge of a failed order whose payment outcome was never learned, if it
	 * did go through.
	 */
	void resolvePayment(UUID id) {
		Optional<PaymentClient.Payment> payment = this.payments.find(id.toString());
		if (payment.isPresent() && payment.get().isApproved()) {
			this.payments.refund(payment.get().id());
			logger.info("Refunded the late charge {} of failed order {}", payment.get().id(), id);
		}
		this.steps.paymentResolved(id);
	}

	private Order settle(UUID id, PaymentClient.Payment payment) {
		if (payment.isApproved()) {
			this.steps.paid(id, payment.id());
			return commit(id);
		}
		releaseQuietly(id.toString());
		if (payment.isDeclined()) {
			return this.steps.failed(id, FailureReason.PAYMENT_DECLINED,
					"The payment was declined (" + payment.declineReason() + "); the stock was released", false);
		}
		return this.steps.failed(id, FailureReason.PAYMENT_FAILED,
				"The payment is " + payment.status() + "; the stock was released", false);
	}

	private Order commit(UUID id) {
		try {
			this.inventory.commit(id.toString());
		}
		catch (HttpClientErrorException ex) {
			// The reservation expired or was released before it could be committed.
			Order order = this.steps.load(id);
			this.payments.refund(order.getPaymentId());
			return this.steps.failed(id, FailureReason.RESERVATION_EXPIRED,
					"The stock reservation ran out before the order could complete; the payment was refunded", false);
		}
		catch (DependencyUnavailableException | OutcomeUnknownException ex) {
			logger.warn("Could not commit the reservation of order {} yet; the recovery job will retry", id);
			return this.steps.load(id);
		}
		return this.steps.processed(id);
	}

	/**
	 * The order is past its deadline: undo what may have been done and fail it.
	 */
	private Order giveUp(Order order) {
		UUID id = order.getId();
		releaseQuietly(id.toString());
		boolean unresolved = false;
		try {
			Optional<PaymentClient.Payment> payment = this.payments.find(id.toString());
			if (payment.isPresent() && payment.get().isApproved()) {
				this.payments.refund(payment.get().id());
			}
		}
		catch (RuntimeException ex) {
			unresolved = true;
		}
		return this.steps.failed(id, FailureReason.DEPENDENCY_UNAVAILABLE,
				"The order could not complete within " + this.properties.deadline().toSeconds()
						+ " s; the stock was released"
						+ (unresolved ? " and any charge will be refunded" : " and nothing stays charged"),
				unresolved);
	}

	private void releaseQuietly(String orderId) {
		try {
			this.inventory.release(orderId);
		}
		catch (RuntimeException ex) {
			// The reservation expires on its own; inventory-service gives the stock back
			// then.
			logger.warn("Could not release the reservation of order {}: {}", orderId, ex.getMessage());
		}
	}

}
