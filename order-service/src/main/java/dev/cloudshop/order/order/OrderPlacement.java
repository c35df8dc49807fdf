package dev.cloudshop.order.order;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cloudshop.order.inventory.InventoryClient;
import dev.cloudshop.order.inventory.InventoryClient.ReservationOutcome;
import dev.cloudshop.order.payment.PaymentClient;
import dev.cloudshop.order.resilience.DependencyUnavailableException;
import dev.cloudshop.order.resilience.OutcomeUnknownException;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The order saga, orchestrated: reserve stock, charge, commit the reservation. Every
 * failure on the way ends the order FAILED with a reason, and whatever may have been done
 * is undone afterwards (the reservation released, the charge voided or refunded).
 * <p>
 * Two rules keep every order consistent when steps race (a slow saga and the recovery
 * job, two instances, a process paused and resumed): a step acts only after it won the
 * order's state change (the aggregate refuses a transition from a state someone else
 * already left), and what must be undone is recorded in the same transaction as the
 * failure, so {@link #compensate} finishes it even after a crash. A charge whose outcome
 * is unknown is never guessed: payment-service voids the order's charge and answers what
 * it has, so a charge still on its way can no longer land.
 */
@Service
public class OrderPlacement {

	private static final Logger logger = LoggerFactory.getLogger(OrderPlacement.class);

	private final OrderSteps steps;

	private final InventoryClient inventory;

	private final PaymentClient payments;

	private final SagaProperties properties;

	private final Clock clock;

	OrderPlacement(OrderSteps steps, InventoryClient inventory, PaymentClient payments, SagaProperties properties,
			Clock clock) {
		this.steps = steps;
		this.inventory = inventory;
		this.payments = payments;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Creates the order only; {@link #run} takes it from there. Joins the caller's
	 * transaction, in which the Idempotency-Key is taken.
	 */
	Order create(String customerId, String email, List<OrderLine> lines) {
		return this.steps.create(customerId, email, lines);
	}

	/**
	 * Runs the saga of a new order as far as it goes now.
	 * @return the order as it stands: settled, or waiting for the recovery job
	 */
	Order run(UUID id, String paymentToken) {
		try {
			return reserveAndCharge(id, paymentToken);
		}
		catch (IllegalOrderTransitionException | ObjectOptimisticLockingFailureException ex) {
			// Someone else (the recovery job) moved the order meanwhile: its state is the
			// answer.
			logger.info("Order {} was moved by someone else while its saga ran: {}", id, ex.getMessage());
			return this.steps.load(id);
		}
		catch (RuntimeException ex) {
			// The order is stored and the recovery job finishes it; the client gets its
			// state, never an error about our own failure.
			logger.error("The saga of order {} stopped unexpectedly; the recovery job takes it over", id, ex);
			return this.steps.load(id);
		}
	}

	private Order reserveAndCharge(UUID id, String paymentToken) {
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
					"inventory-service is unavailable; nothing was reserved or charged");
		}
		catch (OutcomeUnknownException ex) {
			return failReleasingStock(id, FailureReason.DEPENDENCY_UNAVAILABLE,
					"inventory-service did not answer in time; nothing was charged");
		}
		if (reservation instanceof ReservationOutcome.OutOfStock outOfStock) {
			return this.steps.failed(id, FailureReason.OUT_OF_STOCK, outOfStock.detail());
		}
		if (reservation instanceof ReservationOutcome.Rejected rejected) {
			return this.steps.failed(id, FailureReason.UNKNOWN_PRODUCT, rejected.detail());
		}
		try {
			order = this.steps.stockReserved(id, ((ReservationOutcome.Reserved) reservation).reservation());
		}
		catch (IllegalOrderTransitionException ex) {
			// The order was failed while its reservation was on its way: give it back.
			releaseQuietly(id);
			throw ex;
		}
		PaymentClient.Payment payment;
		try {
			payment = this.payments.charge(orderId, order.getTotal(), order.getCurrency(), paymentToken);
		}
		catch (DependencyUnavailableException ex) {
			return failReleasingStock(id, FailureReason.DEPENDENCY_UNAVAILABLE,
					"payment-service is unavailable; the stock was released and nothing was charged");
		}
		catch (OutcomeUnknownException ex) {
			logger.warn("The charge of order {} has an unknown outcome; the recovery job will ask payment-service", id);
			return this.steps.paymentUnknown(id);
		}
		catch (HttpClientErrorException ex) {
			return failReleasingStock(id, FailureReason.PAYMENT_FAILED,
					"payment-service refused the charge (" + ex.getStatusCode().value() + "); the stock was released");
		}
		return settle(id, payment);
	}

	/**
	 * Takes over an order nobody has moved for a while and brings it to a final state, or
	 * at least one step closer. Called by the recovery job once it claimed the order.
	 */
	Order resume(UUID id) {
		Order order = this.steps.load(id);
		if (order.getStatus().isSettled()) {
			return order;
		}
		boolean pastDeadline = order.isPastDeadline(this.properties.deadline(), this.clock.instant());
		switch (order.getStatus()) {
			case PENDING -> {
				// The reservation may have landed: give it back.
				return failReleasingStock(id, FailureReason.DEPENDENCY_UNAVAILABLE,
						"The order was interrupted before its stock was reserved; nothing was charged");
			}
			case STOCK_RESERVED, PAYMENT_UNKNOWN -> {
				PaymentClient.Payment payment;
				try {
					payment = this.payments.voidCharge(id.toString());
				}
				catch (DependencyUnavailableException | OutcomeUnknownException ex) {
					if (!pastDeadline) {
						throw ex;
					}
					return failUndoingEverything(id, FailureReason.DEPENDENCY_UNAVAILABLE,
							"The order could not complete within " + this.properties.deadline().toSeconds()
									+ " s; the stock is released and any charge will be refunded");
				}
				return settle(id, payment);
			}
			case PAID -> {
				// Charged: completing it is right whatever the time; only
				// inventory-service
				// saying the reservation is gone fails it (and refunds).
				return commit(id);
			}
			default -> {
				return order;
			}
		}
	}

	/**
	 * Undoes what a failed order may still hold: gives its stock back, and voids its
	 * charge or refunds it. Each call is idempotent; what fails is tried again by the
	 * recovery job.
	 */
	Order compensate(UUID id) {
		Order order = this.steps.load(id);
		String orderId = id.toString();
		if (order.isStockReleasePending()) {
			if (!this.inventory.release(orderId)) {
				logger.warn("The reservation of failed order {} could not be released: it is in another final state",
						id);
			}
			order = this.steps.stockReleased(id);
		}
		if (order.isPaymentUnresolved()) {
			PaymentClient.Payment payment = this.payments.voidCharge(orderId);
			if (payment.isApproved()) {
				this.payments.refund(payment.id());
				logger.info("Refunded the charge {} of failed order {}", payment.id(), id);
			}
			order = this.steps.paymentResolved(id);
		}
		return order;
	}

	private Order settle(UUID id, PaymentClient.Payment payment) {
		if (payment.isApproved()) {
			this.steps.paid(id, payment.id());
			return commit(id);
		}
		if (payment.isDeclined()) {
			return failReleasingStock(id, FailureReason.PAYMENT_DECLINED,
					"The payment was declined (" + payment.declineReason() + "); the stock was released");
		}
		if (payment.isVoided()) {
			return failReleasingStock(id, FailureReason.PAYMENT_FAILED,
					"The charge did not complete in time and was voided: nothing was charged; the stock was released");
		}
		return failUndoingEverything(id, FailureReason.PAYMENT_FAILED,
				"The payment is " + payment.status() + "; the stock was released");
	}

	private Order commit(UUID id) {
		try {
			this.inventory.commit(id.toString());
		}
		catch (HttpClientErrorException ex) {
			// The reservation expired or was released before it could be committed.
			return failUndoingEverything(id, FailureReason.RESERVATION_EXPIRED,
					"The stock reservation ran out before the order could complete; the payment is refunded");
		}
		catch (DependencyUnavailableException | OutcomeUnknownException ex) {
			logger.warn("Could not commit the reservation of order {} yet; the recovery job will retry", id);
			return this.steps.load(id);
		}
		return this.steps.processed(id);
	}

	private Order failReleasingStock(UUID id, FailureReason reason, String detail) {
		this.steps.failedReleasingStock(id, reason, detail);
		return compensateQuietly(id);
	}

	private Order failUndoingEverything(UUID id, FailureReason reason, String detail) {
		this.steps.failedUndoingEverything(id, reason, detail);
		return compensateQuietly(id);
	}

	private Order compensateQuietly(UUID id) {
		try {
			return compensate(id);
		}
		catch (RuntimeException ex) {
			// Recorded with the failure: the recovery job finishes it.
			logger.warn("Could not undo everything of failed order {} yet: {}", id, ex.getMessage());
			return this.steps.load(id);
		}
	}

	private void releaseQuietly(UUID id) {
		try {
			this.inventory.release(id.toString());
		}
		catch (RuntimeException ex) {
			// The reservation expires on its own; inventory-service gives the stock back
			// then.
			logger.warn("Could not release the reservation of order {}: {}", id, ex.getMessage());
		}
	}

}
