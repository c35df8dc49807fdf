package dev.cloudshop.endtoend;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The suite's invariants, checked order by order from the services' own databases and the
 * order-events topic, for the orders one {@link OrderLoad} placed:
 * <ul>
 * <li>every accepted order ends PROCESSED or FAILED within the saga deadline;</li>
 * <li>PROCESSED has exactly one kept charge and its reservation committed; FAILED has no
 * kept charge (none, declined or refunded) and its reservation released, expired or never
 * made;</li>
 * <li>exactly one OrderProcessed or OrderFailed per settled order on the topic, matching
 * its status, and exactly one notification;</li>
 * <li>per sku: sold = the quantities of the processed orders, reserved = the live
 * reservations, and no unit appeared or vanished;</li>
 * <li>no outbox publication of these orders stays incomplete;</li>
 * <li>no client got a 500 or no answer: every answer is the order (201/202), or a 503/504
 * problem asking to retry with the same Idempotency-Key, and such a retry gets the
 * order.</li>
 * </ul>
 * Each broken invariant is one line naming the order, what was expected and what was
 * found.
 */
final class Invariants {

	/**
	 * order-service's {@code order.saga.deadline}: no order stays unsettled longer.
	 */
	static final Duration SAGA_DEADLINE = Duration.ofMinutes(2);

	private final SuiteDatabases databases;

	private final OrderEvents events;

	Invariants(SuiteDatabases databases, OrderEvents events) {
		this.databases = databases;
		this.events = events;
	}

	/**
	 * Checks every invariant once.
	 * @param load the orders placed
	 * @param initialStock each sku's units when the load began; only the load orders them
	 * @return the figures and every mismatch found
	 */
	Report check(OrderLoad load, Map<String, Long> initialStock) {
		List<String> mismatches = new ArrayList<>();
		Map<String, OrderRow> orders = orders(load.customerId());
		String ids = String.join(",", orders.keySet());
		Map<String, String> keys = new HashMap<>();
		this.databases
			.rows("orders", "select key, order_id::text from idempotency_key where key like ?", load.keyPrefix() + "%")
			.forEach((row) -> keys.put((String) row.get(0), (String) row.get(1)));
		Map<String, String> payments = byOrder(this.databases.rows("payments",
				"select order_id, status from payment where order_id = any(string_to_array(?, ','))", ids));
		Map<String, String> reservations = byOrder(this.databases.rows("inventory",
				"select order_id, status from reservation where order_id = any(string_to_array(?, ','))", ids));
		Map<String, List<String>> notifications = new HashMap<>();
		this.databases
			.rows("notifications",
					"select order_id, event_type from notification where order_id = any(string_to_array(?, ','))", ids)
			.forEach((row) -> notifications.computeIfAbsent((String) row.get(0), (id) -> new ArrayList<>())
				.add((String) row.get(1)));
		Map<String, List<ConsumerRecord<String, String>>> published = this.events.byKey(OrderEvents.TOPIC);
		Map<String, List<ConsumerRecord<String, String>>> deadLetters = this.events.byKey(OrderEvents.DEAD_LETTERS);
		published.forEach((orderId, records) -> {
			OrderRow order = orders.get(orderId);
			String traceparent = OrderEvents.header(records.get(0), "traceparent");
			if (order != null && traceparent != null && traceparent.split("-").length > 2) {
				orders.put(orderId, order.withTrace(traceparent.split("-")[1]));
			}
		});

		int unsettled = 0;
		for (OrderRow order : orders.values()) {
			if (!order.isSettled()) {
				unsettled++;
				mismatches.add(order + ": expected PROCESSED or FAILED within the saga deadline ("
						+ SAGA_DEADLINE.toSeconds() + " s), found " + order.status() + " "
						+ Duration.between(order.createdAt(), Instant.now()).toSeconds() + " s after it was placed");
				continue;
			}
			checkChargeAndReservation(order, payments.get(order.id()), reservations.get(order.id()), mismatches);
			checkEvent(order, published.getOrDefault(order.id(), List.of()),
					deadLetters.getOrDefault(order.id(), List.of()), mismatches);
			List<String> notified = notifications.getOrDefault(order.id(), List.of());
			if (!notified.equals(List.of(order.eventType()))) {
				mismatches.add(order + ": expected exactly one notification (" + order.eventType() + "), found "
						+ (notified.isEmpty() ? "none" : notified.size() + " " + notified));
			}
		}
		checkStock(load, orders, initialStock, mismatches);
		checkOutbox(orders, mismatches);
		Set<String> accepted = new LinkedHashSet<>(orders.keySet());
		checkAnswers(load, keys, orders, accepted, mismatches);
		int failedFast = (int) load.answers()
			.stream()
			.filter((answer) -> !answer.retry() && answer.failedFast())
			.count();
		return new Report(load.placements().size(), accepted.size(), failedFast, unsettled, mismatches);
	}

	private Map<String, OrderRow> orders(String customerId) {
		Map<String, OrderRow> orders = new LinkedHashMap<>();
		for (List<Object> row : this.databases.rows("orders",
				"select id::text, status, failure_reason, created_at from orders where customer_id = ? order by created_at",
				customerId)) {
			orders.put((String) row.get(0), new OrderRow((String) row.get(0), (String) row.get(1), (String) row.get(2),
					instant(row.get(3)), new ArrayList<>(), null));
		}
		for (List<Object> row : this.databases.rows("orders",
				"select l.order_id::text, l.sku, l.quantity from order_line l join orders o on o.id = l.order_id"
						+ " where o.customer_id = ?",
				customerId)) {
			OrderRow order = orders.get((String) row.get(0));
			if (order != null) {
				order.lines().add(new OrderLoad.Line((String) row.get(1), ((Number) row.get(2)).intValue()));
			}
		}
		return orders;
	}

	private static void checkChargeAndReservation(OrderRow order, String payment, String reservation,
			List<String> mismatches) {
		if (order.status().equals("PROCESSED")) {
			if (!"APPROVED".equals(payment)) {
				mismatches.add(order + ": expected exactly one kept charge (an APPROVED payment), found "
						+ ((payment != null) ? "a " + payment + " payment" : "no payment"));
			}
			if (!"COMMITTED".equals(reservation)) {
				mismatches.add(order + ": expected its reservation COMMITTED, found "
						+ ((reservation != null) ? reservation : "no reservation"));
			}
		}
		else {
			if ("APPROVED".equals(payment)) {
				mismatches.add(order + ": expected no kept charge (none, declined or refunded), found an APPROVED"
						+ " payment that was never refunded");
			}
			if (reservation != null && !reservation.equals("RELEASED") && !reservation.equals("EXPIRED")) {
				mismatches
					.add(order + ": expected its reservation RELEASED, EXPIRED or never made, found " + reservation);
			}
		}
	}

	private static void checkEvent(OrderRow order, List<ConsumerRecord<String, String>> records,
			List<ConsumerRecord<String, String>> deadLetters, List<String> mismatches) {
		List<String> types = records.stream().map((record) -> OrderEvents.header(record, "ce_type")).toList();
		if (!types.equals(List.of(order.eventType()))) {
			String found = records.isEmpty() ? "none" : records.size() + " " + types + " with ce_id "
					+ records.stream().map((record) -> OrderEvents.header(record, "ce_id")).toList();
			mismatches.add(order + ": expected exactly one " + order.eventType() + " on " + OrderEvents.TOPIC
					+ ", found " + found
					+ (deadLetters.isEmpty() ? "" : "; " + deadLetters.size() + " on " + OrderEvents.DEAD_LETTERS));
		}
		else if (!deadLetters.isEmpty()) {
			mismatches.add(order + ": expected its valid " + order.eventType() + " never dead-lettered, found "
					+ deadLetters.size() + " on " + OrderEvents.DEAD_LETTERS + " ("
					+ deadLetters.stream()
						.map((record) -> OrderEvents.header(record, "kafka_dlt-exception-message"))
						.collect(Collectors.joining("; "))
					+ ")");
		}
	}

	private void checkStock(OrderLoad load, Map<String, OrderRow> orders, Map<String, Long> initialStock,
			List<String> mismatches) {
		String skus = String.join(",", initialStock.keySet());
		Map<String, Long> live = new HashMap<>();
		this.databases
			.rows("inventory",
					"select l.sku, sum(l.quantity) from reservation_line l"
							+ " join reservation r on r.order_id = l.order_id"
							+ " where r.status = 'RESERVED' and l.sku = any(string_to_array(?, ',')) group by l.sku",
					skus)
			.forEach((row) -> live.put((String) row.get(0), ((Number) row.get(1)).longValue()));
		for (List<Object> row : this.databases.rows("inventory",
				"select sku, available, reserved, sold from stock where sku = any(string_to_array(?, ','))", skus)) {
			String sku = (String) row.get(0);
			long available = ((Number) row.get(1)).longValue();
			long reserved = ((Number) row.get(2)).longValue();
			long sold = ((Number) row.get(3)).longValue();
			long processed = orders.values()
				.stream()
				.filter((order) -> order.status().equals("PROCESSED"))
				.flatMap((order) -> order.lines().stream())
				.filter((line) -> line.sku().equals(sku))
				.mapToLong(OrderLoad.Line::quantity)
				.sum();
			if (sold != processed) {
				mismatches.add("sku " + sku + ": expected sold = " + processed
						+ " (the quantities of its PROCESSED orders), found " + sold);
			}
			long held = live.getOrDefault(sku, 0L);
			if (reserved != held) {
				mismatches.add("sku " + sku + ": expected reserved = " + held
						+ " (the quantities of its RESERVED reservations), found " + reserved);
			}
			if (available + reserved + sold != initialStock.get(sku)) {
				mismatches.add("sku " + sku + ": expected available + reserved + sold = " + initialStock.get(sku)
						+ ", found " + available + " + " + reserved + " + " + sold);
			}
		}
	}

	private void checkOutbox(Map<String, OrderRow> orders, List<String> mismatches) {
		for (List<Object> row : this.databases.rows("orders",
				"select id::text, status, completion_attempts, publication_date, serialized_event"
						+ " from event_publication where completion_date is null order by publication_date")) {
			String event = String.valueOf(row.get(4));
			orders.values()
				.stream()
				.filter((order) -> event.contains(order.id()))
				.findFirst()
				.ifPresent((order) -> mismatches.add(order + ": expected its outbox publication completed, found "
						+ row.get(0) + " incomplete, status " + row.get(1) + ", " + row.get(2) + " attempts, published "
						+ Duration.between(instant(row.get(3)), Instant.now()).toSeconds() + " s ago"));
		}
	}

	private static void checkAnswers(OrderLoad load, Map<String, String> keys, Map<String, OrderRow> orders,
			Set<String> accepted, List<String> mismatches) {
		for (OrderLoad.Placement placement : load.placements()) {
			List<OrderLoad.Answer> answers = load.answersTo(placement);
			String orderId = keys.get(placement.key());
			String label = "key " + placement.key() + ((orderId != null) ? " (order " + orderId + ")" : "");
			for (OrderLoad.Answer answer : answers) {
				if (answer.accepted()) {
					accepted.add(answer.orderId());
					if (!answer.orderId().equals(orderId)) {
						mismatches.add(label + ": expected the answer to name the key's order, found order "
								+ answer.orderId());
					}
					OrderRow order = orders.get(answer.orderId());
					if (answer.status() == 201 && order != null && order.isSettled()
							&& !order.status().equals(answer.orderStatus())) {
						mismatches.add(label + ": the client was told " + answer.orderStatus() + " (201), found "
								+ order.status());
					}
				}
				else if (answer.failedFast()) {
					if (!"application/problem+json".equals(answer.contentType())
							|| !answer.body().toLowerCase().contains("idempotency-key")) {
						mismatches.add(label + ": expected a 503/504 problem asking to retry with the same"
								+ " Idempotency-Key, found " + answer.describe());
					}
				}
				else if (!(answer.retry() && answer.status() == 409)) {
					// A retry may find its first request still running: 409, retry in a
					// moment.
					mismatches.add(label + ": expected 201/202 with the order, or a 503/504 problem, found "
							+ answer.describe() + (answer.retry() ? " to a retry" : ""));
				}
			}
			if (answers.stream().noneMatch(OrderLoad.Answer::accepted)) {
				mismatches.add(label + ": expected the order back once the fault was over, retrying with the same"
						+ " Idempotency-Key; every one of " + answers.size() + " answers failed, the last "
						+ (answers.isEmpty() ? "missing" : answers.get(answers.size() - 1).describe()));
			}
		}
	}

	private static Instant instant(Object timestamp) {
		return (timestamp instanceof OffsetDateTime offset) ? offset.toInstant() : ((Timestamp) timestamp).toInstant();
	}

	private static Map<String, String> byOrder(List<List<Object>> rows) {
		Map<String, String> byOrder = new HashMap<>();
		rows.forEach((row) -> byOrder.put((String) row.get(0), (String) row.get(1)));
		return byOrder;
	}

	/**
	 * The figures of one check and every broken invariant.
	 */
	record Report(int requests, int accepted, int failedFast, int unsettled, List<String> mismatches) {

	}

	/**
	 * One order as the orders database has it.
	 *
	 * @param traceId the trace of the request that placed it, from its event's
	 * {@code traceparent}: every log line of its saga carries it
	 */
	record OrderRow(String id, String status, String failureReason, Instant createdAt, List<OrderLoad.Line> lines,
			String traceId) {

		OrderRow withTrace(String traceId) {
			return new OrderRow(this.id, this.status, this.failureReason, this.createdAt, this.lines, traceId);
		}

		boolean isSettled() {
			return this.status.equals("PROCESSED") || this.status.equals("FAILED");
		}

		String eventType() {
			return this.status.equals("PROCESSED") ? "OrderProcessed" : "OrderFailed";
		}

		@Override
		public String toString() {
			return "order " + this.id + " (" + this.status
					+ ((this.failureReason != null) ? " " + this.failureReason : "")
					+ ((this.traceId != null) ? ", trace " + this.traceId : "") + ")";
		}

	}

}
