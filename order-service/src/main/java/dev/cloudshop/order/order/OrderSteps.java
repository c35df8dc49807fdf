package dev.cloudshop.order.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.cloudshop.order.inventory.InventoryClient;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each state change of the saga in its own short transaction: load the order, let the
 * aggregate decide, save it. Saving publishes the events the order registered, and the
 * outbox records them in the same transaction. No transaction stays open across a call to
 * another service.
 */
@Component
class OrderSteps {

	/**
	 * The latency objective: 99 % of orders settled within 2 s. A bucket of the saga
	 * timer's histogram ends exactly there, so the SLO rules count orders against 2 s
	 * rather than against the nearest default bucket.
	 */
	static final Duration SETTLEMENT_OBJECTIVE = Duration.ofSeconds(2);

	/**
	 * Orders slower than this were left to the recovery job (it takes an order over after
	 * 20 s): the late-settlement rule counts them against this bucket, which was the
	 * largest default one before the maximum below was raised.
	 */
	static final Duration LATE_SETTLEMENT = Duration.ofSeconds(30);

	/**
	 * The histogram's largest bucket: above the recovery job's 2-minute deadline, so the
	 * percentiles of orders it settles late are still measured, not cut at 30 s.
	 */
	static final Duration SAGA_MAXIMUM_EXPECTED = Duration.ofMinutes(3);

	private final Orders orders;

	private final Clock clock;

	private final MeterRegistry meters;

	OrderSteps(Orders orders, Clock clock, MeterRegistry meters) {
		this.orders = orders;
		this.clock = clock;
		this.meters = meters;
	}

	@Transactional
	Order create(String customerId, String email, List<OrderLine> lines) {
		return this.orders.save(new Order(customerId, email, lines, now()));
	}

	@Transactional
	Order stockReserved(UUID id, InventoryClient.Reservation reservation) {
		Order order = load(id);
		List<OrderLine> priced = reservation.lines()
			.stream()
			.map((line) -> new OrderLine(line.sku(), line.quantity(), line.unitPrice().amount()))
			.toList();
		order.stockReserved(priced, reservation.total().currency(), now());
		return this.orders.save(order);
	}

	@Transactional
	Order paymentUnknown(UUID id) {
		Order order = load(id);
		order.paymentUnknown(now());
		return this.orders.save(order);
	}

	@Transactional
	Order paid(UUID id, UUID paymentId) {
		Order order = load(id);
		order.paid(paymentId, now());
		return this.orders.save(order);
	}

	@Transactional
	Order processed(UUID id) {
		Order order = load(id);
		order.processed(now());
		Order saved = this.orders.save(order);
		settled(saved, "processed", "NONE");
		return saved;
	}

	/** Fails an order for which nothing was reserved or charged. */
	@Transactional
	Order failed(UUID id, FailureReason reason, String detail) {
		return fail(id, reason, detail, (order) -> order.fail(reason, detail, now()));
	}

	/** Fails an order whose stock may be held; no charge was made. */
	@Transactional
	Order failedReleasingStock(UUID id, FailureReason reason, String detail) {
		return fail(id, reason, detail, (order) -> order.failReleasingStock(reason, detail, now()));
	}

	/** Fails an order whose stock may be held and whose charge may have been made. */
	@Transactional
	Order failedUndoingEverything(UUID id, FailureReason reason, String detail) {
		return fail(id, reason, detail, (order) -> order.failUndoingEverything(reason, detail, now()));
	}

	@Transactional
	Order stockReleased(UUID id) {
		Order order = load(id);
		order.stockReleased(now());
		return this.orders.save(order);
	}

	@Transactional
	Order paymentResolved(UUID id) {
		Order order = load(id);
		order.paymentResolved(now());
		return this.orders.save(order);
	}

	private Order fail(UUID id, FailureReason reason, String detail, Consumer<Order> transition) {
		Order order = load(id);
		transition.accept(order);
		Order saved = this.orders.save(order);
		settled(saved, "failed", reason.name());
		return saved;
	}

	@Transactional(readOnly = true)
	Order load(UUID id) {
		return this.orders.findById(id).orElseThrow(() -> new UnknownOrderException(id));
	}

	private void settled(Order order, String outcome, String reason) {
		Counter.builder("orders.completed")
			.description("Orders that reached a final state, by outcome and reason")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.meters)
			.increment();
		Timer.builder("order.saga.duration")
			.description("Time from an order's creation to its final state")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.serviceLevelObjectives(SETTLEMENT_OBJECTIVE, LATE_SETTLEMENT)
			.maximumExpectedValue(SAGA_MAXIMUM_EXPECTED)
			.register(this.meters)
			.record(Duration.between(order.getCreatedAt(), now()));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
