package dev.cloudshop.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.cloudshop.localstack.ChaosAction;
import dev.cloudshop.localstack.LocalStack;
import dev.cloudshop.localstack.ProcessStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos experiments on the running suite. Under a steady order load through the gateway,
 * one fault at a time: a process killed with -9 and started again on its data, paused
 * with SIGSTOP, or made slower than its callers wait. Once the fault is over, the load
 * has stopped and the orders answered 503/504 were retried with their keys, every
 * invariant is checked order by order (see {@link Invariants}) until all hold or the saga
 * deadline has passed. Each experiment prints one line of figures (orders placed, orders
 * accepted, 503/504 answers, the seconds from the fault's end to the first order placed
 * since then that was answered as a healthy shop answers it, orders left unsettled,
 * broken invariants); a broken invariant fails it with one line per order saying what was
 * expected and what was found, and the stack's logs under {@code target/stack/logs} tell
 * why.
 * <p>
 * The class runs after the other end-to-end classes (see
 * {@code junit-platform.properties}): damage a fault leaves behind, such as a charge kept
 * for a failed order, must not unbalance their books.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionEndToEndTests {

	private static final int ORDERS_PER_SECOND = 4;

	private static final long STOCK_PER_SKU = 1000;

	/**
	 * The gateway's response timeout for placing an order: an order under way when a
	 * fault ends has its answer by then.
	 */
	private static final Duration ORDER_ROUTE_TIMEOUT = Duration.ofSeconds(15);

	/**
	 * How long after a fault the shop may take to serve orders normally again: a
	 * restarted service starts and registers with Eureka, the circuits close.
	 */
	private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(90);

	static LocalStack stack;

	static Gateway gateway;

	static Invariants invariants;

	@BeforeAll
	static void startSuite() {
		stack = RunningSuite.get();
		gateway = new Gateway(stack.gatewayUrl());
		invariants = new Invariants(new SuiteDatabases(stack), new OrderEvents(stack.kafkaBootstrapServers()));
	}

	/**
	 * An experiment that failed half-way must not leave the next one a broken stack.
	 */
	@BeforeEach
	void everyProcessRuns() {
		for (ProcessStatus process : stack.processes()) {
			switch (process.state()) {
				case RUNNING -> {
				}
				case PAUSED -> stack.chaos(ChaosAction.RESUME, process.name());
				default -> stack.chaos(ChaosAction.START, process.name());
			}
		}
		paymentLatency(0);
	}

	@Test
	@Order(1)
	void keepsEveryInvariantWhenPaymentServiceIsKilledAndRestarted() {
		experiment("kill-payment-service", killAndStart("payment-service", Duration.ofSeconds(6)));
	}

	@Test
	@Order(2)
	void keepsEveryInvariantWhenOneOfTwoInventoryInstancesIsKilledAndRestarted() {
		experiment("kill-inventory-service#2", killAndStart("inventory-service#2", Duration.ofSeconds(6)));
	}

	@Test
	@Order(3)
	void keepsEveryInvariantWhenNotificationServiceIsKilledAndRestarted() {
		experiment("kill-notification-service", killAndStart("notification-service", Duration.ofSeconds(6)));
	}

	@Test
	@Order(4)
	void keepsEveryInvariantWhenTheMailServerIsKilledAndRestarted() {
		// Longer than the other faults: a mail server is down for a while, and the events
		// of the orders placed meanwhile must wait for it, never be dead-lettered.
		experiment("kill-smtp", killAndStart("smtp", Duration.ofSeconds(20)));
	}

	@Test
	@Order(5)
	void keepsEveryInvariantWhenKafkaIsKilledAndRestarted() {
		experiment("kill-kafka", killAndStart("kafka", Duration.ofSeconds(6)));
	}

	@Test
	@Order(6)
	void keepsEveryInvariantWhenPaymentServiceIsPaused() {
		experiment("pause-payment-service", new Fault(() -> stack.chaos(ChaosAction.PAUSE, "payment-service"),
				Duration.ofSeconds(8), () -> stack.chaos(ChaosAction.RESUME, "payment-service"), ORDER_ROUTE_TIMEOUT));
	}

	@Test
	@Order(7)
	void keepsEveryInvariantWhenPaymentServiceAnswersSlowerThanOrderServiceWaits() {
		// 30 s, ten times order-service's read timeout. A charge already waiting when the
		// latency is switched off still lands up to 30 s later.
		experiment("slow-payment-service", new Fault(() -> paymentLatency(30_000), Duration.ofSeconds(8),
				() -> paymentLatency(0), Duration.ofSeconds(35)));
	}

	@Test
	@Order(8)
	void keepsEveryInvariantWhenOrderServiceIsKilledAndRestarted() {
		experiment("kill-order-service", killAndStart("order-service", Duration.ofSeconds(6)));
	}

	@Test
	@Order(9)
	void keepsEveryInvariantWhenPostgresIsKilledAndRestarted() {
		Map<String, Integer> answers = new LinkedHashMap<>();
		experiment("kill-postgres", new Fault(() -> {
			stack.chaos(ChaosAction.KILL, "postgres");
			answers.putAll(readsOfEveryService());
		}, Duration.ofSeconds(4), () -> stack.chaos(ChaosAction.START, "postgres"), ORDER_ROUTE_TIMEOUT));
		// Nothing was decided without the database: each service says so with a 503 a
		// client may retry, never a 500.
		assertThat(answers).as("what each service answered while its database was down")
			.allSatisfy((read, status) -> assertThat(status).as(read).isEqualTo(503));
	}

	/**
	 * A read of each service with a database, through the gateway, answered while
	 * PostgreSQL is down: the status of each, once every service's connection pool has
	 * found out (their pools keep no connection that could still answer).
	 */
	private static Map<String, Integer> readsOfEveryService() {
		List<String> reads = List.of("/api/orders/" + UUID.randomUUID(), "/api/products?size=1",
				"/api/payments?orderId=" + UUID.randomUUID(), "/api/notifications?orderId=" + UUID.randomUUID(),
				"/api/images?owner=" + UUID.randomUUID());
		Map<String, Integer> answers = new LinkedHashMap<>();
		Instant giveUp = Instant.now().plusSeconds(20);
		for (String read : reads) {
			Gateway.Response response = gateway.get(read);
			// The first request may still find a pooled connection that has not noticed.
			while (response.status() != 503 && response.status() != 500 && Instant.now().isBefore(giveUp)) {
				sleep(Duration.ofMillis(500));
				response = gateway.get(read);
			}
			answers.put(read + " -> " + response.body(), response.status());
		}
		return answers;
	}

	private void experiment(String name, Fault fault) {
		String run = "fi-" + name.replace('#', '-') + "-" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, Long> stock = newProducts(run);
		List<String> mismatches = new ArrayList<>();
		Invariants.Report report;
		Optional<Duration> recovery;
		try (OrderLoad load = new OrderLoad(gateway, run, List.copyOf(stock.keySet()), ORDERS_PER_SECOND)) {
			Instant started = Instant.now();
			load.start();
			assertThat(load.awaitHealthyAnswerSince(started, Duration.ofSeconds(60)))
				.as("the shop serves orders before the fault")
				.isTrue();
			sleep(Duration.ofSeconds(3));
			Instant removed;
			try {
				fault.inject().run();
				sleep(fault.lasting());
			}
			finally {
				removed = Instant.now();
				fault.remove().run();
			}
			boolean recovered = load.awaitHealthyAnswerSince(removed, RECOVERY_TIMEOUT);
			recovery = load.firstHealthyAnswerSince(removed).map((at) -> Duration.between(removed, at));
			if (!recovered) {
				mismatches.add("expected the shop to serve orders normally within " + RECOVERY_TIMEOUT.toSeconds()
						+ " s of the fault's end, found no processed (or, for tok_decline, declined) order");
			}
			sleep(Duration.ofSeconds(3));
			load.stop();
			load.retryUnanswered(RECOVERY_TIMEOUT);
			report = settle(load, stock, removed.plus(fault.aftermath()));
		}
		mismatches.addAll(report.mismatches());
		System.out.printf(Locale.ROOT,
				"experiment=%s requests=%d accepted=%d failedFast=%d recoverySeconds=%s unsettled=%d mismatches=%d%n",
				name, report.requests(), report.accepted(), report.failedFast(),
				recovery.map((took) -> String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0)).orElse("none"),
				report.unsettled(), mismatches.size());
		mismatches.forEach((mismatch) -> System.out.println("  " + name + ": " + mismatch));
		assertThat(mismatches).as("broken invariants of %s, order by order", name).isEmpty();
	}

	/**
	 * Checks the invariants until they all hold, no earlier than the fault's aftermath
	 * allows, and no longer than every order's saga deadline (then 60 s more for the
	 * events and notifications of the last orders to settle).
	 */
	private static Invariants.Report settle(OrderLoad load, Map<String, Long> stock, Instant notBefore) {
		Instant lastPlaced = load.lastSent().orElse(Instant.now());
		Instant deadline = later(lastPlaced.plus(Invariants.SAGA_DEADLINE).plusSeconds(15), notBefore);
		Instant settled = null;
		while (true) {
			Invariants.Report report = invariants.check(load, stock);
			Instant now = Instant.now();
			if (report.unsettled() == 0 && settled == null) {
				settled = now;
			}
			if (!now.isBefore(notBefore) && report.mismatches().isEmpty()) {
				return report;
			}
			Instant giveUp = (settled != null) ? later(settled.plusSeconds(60), notBefore) : deadline;
			if (now.isAfter(giveUp)) {
				return report;
			}
			sleep(Duration.ofSeconds(3));
		}
	}

	/**
	 * Three products of this experiment's own, so that its stock figures are its orders'
	 * alone.
	 */
	private static Map<String, Long> newProducts(String run) {
		Gateway inventory = new Gateway(stack.instanceUrl("inventory-service", 0));
		Map<String, Long> stock = new LinkedHashMap<>();
		String tag = run.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-");
		for (int i = 1; i <= 3; i++) {
			String sku = tag + "-" + i;
			Gateway.Response created = inventory.postJson("/admin/products",
					Map.of("sku", sku, "name", "Chaos test product " + i, "category", "Fault injection", "price",
							Map.of("amount", 5 + i, "currency", "EUR"), "initialStock", STOCK_PER_SKU),
					Map.of());
			assertThat(created.status()).as("creating %s: %s", sku, created.body()).isEqualTo(201);
			stock.put(sku, STOCK_PER_SKU);
		}
		return stock;
	}

	private static Fault killAndStart(String target, Duration lasting) {
		return new Fault(() -> stack.chaos(ChaosAction.KILL, target), lasting,
				() -> stack.chaos(ChaosAction.START, target), ORDER_ROUTE_TIMEOUT);
	}

	/**
	 * payment-service's chaos switch, on its own port.
	 */
	private static void paymentLatency(long millis) {
		Gateway payment = new Gateway(stack.instanceUrl("payment-service", 0));
		Gateway.Response response = (millis > 0)
				? payment.postJson("/actuator/chaos", Map.of("latencyMs", millis), Map.of())
				: payment.delete("/actuator/chaos");
		assertThat(response.status()).as("payment-service's chaos switch: %s", response.body()).isEqualTo(200);
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One fault: how it is injected, how long it lasts, how it is removed, and how long
	 * after its removal work it held up may still land.
	 */
	record Fault(Runnable inject, Duration lasting, Runnable remove, Duration aftermath) {

	}

}
