package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.cloudshop.order.events.OrderFailed;
import dev.cloudshop.order.events.OrderProcessed;
import dev.cloudshop.order.inventory.InventoryClient;
import dev.cloudshop.order.payment.PaymentClient;
import dev.cloudshop.order.resilience.DependencyUnavailableException;
import dev.cloudshop.order.resilience.OutcomeUnknownException;
import dev.cloudshop.testinfra.RealKafka;
import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * The saga with a fault at every call it makes, many times over: each dependency call may
 * be refused, time out before or after it took effect, crash the process before or after
 * it took effect, or (for the charge) land only later, after the saga gave up on it. The
 * saga then runs, the recovery job takes over until the order is settled and nothing is
 * left to undo, and every invariant is checked for that order. Real database and real
 * saga steps; inventory-service and payment-service are simulated in memory with their
 * real rules (idempotent on the order id, a void that keeps a late charge from landing).
 */
@SpringBootTest(properties = { "eureka.client.enabled=false", "order.saga.recovery-interval=1h",
		"order.events.resubmit-interval=1h" })
@Import({ RealPostgres.class, RealKafka.class })
@RecordApplicationEvents
class OrderSagaFaultTests {

	private static final int SCENARIOS = Integer.getInteger("saga.scenarios", 120);

	@Autowired
	OrderSteps steps;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Clock clock;

	@Test
	void settlesEveryOrderConsistentlyWhateverFailsOnTheWay() {
		long seed = Long.getLong("saga.seed", System.nanoTime());
		Random random = new Random(seed);
		List<String> mismatches = new ArrayList<>();
		for (int i = 0; i < SCENARIOS; i++) {
			Scenario scenario = new Scenario(random);
			String mismatch = scenario.run();
			if (mismatch != null) {
				mismatches.add("scenario " + i + " (" + scenario.describe() + "): " + mismatch);
			}
		}
		assertThat(mismatches).as("seed %d (rerun with -Dsaga.seed=%d)", seed, seed).isEmpty();
	}

	/** What a call to a dependency does this time. */
	enum Fault {

		NONE, REFUSED, TIMEOUT_BEFORE_EFFECT, TIMEOUT_AFTER_EFFECT, CRASH_BEFORE_EFFECT, CRASH_AFTER_EFFECT,
		/** Only for the charge: the request times out, and lands some calls later. */
		LANDS_LATE

	}

	/** The process died at this point: nothing after it ran. */
	static final class Crash extends Error {

		Crash() {
			super("simulated crash", null, false, false);
		}

	}

	private final class Scenario {

		private final Random random;

		private final Map<String, Fault> faults = new HashMap<>();

		private final boolean pastDeadline;

		private final String token;

		private final List<String> trace = new ArrayList<>();

		private final String initialFaults;

		// The simulated dependencies' state for this order.
		private String reservation;

		private PaymentClient.Payment payment;

		private Runnable lateCharge;

		private int callsUntilLateChargeLands;

		private final InventoryClient inventory = mock(InventoryClient.class);

		private final PaymentClient payments = mock(PaymentClient.class);

		Scenario(Random random) {
			this.random = random;
			for (String call : List.of("reserve", "charge", "commit", "release", "void", "refund")) {
				Fault[] choices = Fault.values();
				int bound = call.equals("charge") ? choices.length : choices.length - 1;
				// Half of the calls work, the others fail in one of the ways.
				this.faults.put(call, random.nextBoolean() ? Fault.NONE : choices[random.nextInt(bound)]);
			}
			this.pastDeadline = random.nextInt(4) == 0;
			this.token = random.nextInt(4) == 0 ? "tok_decline" : "tok_approve";
			this.initialFaults = this.faults.toString();
			wire();
		}

		String describe() {
			return "faults " + this.initialFaults + (this.pastDeadline ? ", past the deadline" : "") + ", " + this.token
					+ ", calls " + this.trace;
		}

		String run() {
			Duration deadline = this.pastDeadline ? Duration.ZERO : Duration.ofMinutes(2);
			OrderPlacement placement = new OrderPlacement(OrderSagaFaultTests.this.steps, this.inventory, this.payments,
					new SagaProperties(Duration.ofSeconds(20), deadline, Duration.ofSeconds(2)),
					OrderSagaFaultTests.this.clock);
			UUID id = OrderSagaFaultTests.this.steps
				.create("saga-test", "ada@example.com", List.of(new OrderLine("KB-0001", 2, null)))
				.getId();
			try {
				placement.run(id, this.token);
			}
			catch (Crash crash) {
				this.trace.add("crash");
			}
			for (int round = 0; round < 10; round++) {
				if (round == 1) {
					// The faults were one-offs: from now on the dependencies work, but a
					// late charge may still land while the recovery job works.
					this.faults.replaceAll((call, fault) -> Fault.NONE);
				}
				Order order = OrderSagaFaultTests.this.steps.load(id);
				if (round > 0 && order.getStatus().isSettled() && !order.isCompensationPending()
						&& this.lateCharge == null) {
					return check(order);
				}
				try {
					order = placement.resume(id);
					if (order.getStatus() == OrderStatus.FAILED && order.isCompensationPending()) {
						placement.compensate(id);
					}
				}
				catch (RuntimeException | Crash ex) {
					// As the recovery job does: it tries again next round (and a crash is
					// a restart).
					this.trace.add("recovery: " + ex.getClass().getSimpleName());
				}
				if (this.lateCharge != null && this.random.nextBoolean()) {
					landLateCharge();
				}
			}
			return "not settled after 10 recovery rounds: " + OrderSagaFaultTests.this.steps.load(id).getStatus();
		}

		private String check(Order order) {
			String orderId = order.getId().toString();
			long processedEvents = OrderSagaFaultTests.this.events.stream(OrderProcessed.class)
				.filter((event) -> event.orderId().equals(orderId))
				.count();
			long failedEvents = OrderSagaFaultTests.this.events.stream(OrderFailed.class)
				.filter((event) -> event.orderId().equals(orderId))
				.count();
			String charge = (this.payment != null) ? this.payment.status() : "none";
			String stock = (this.reservation != null) ? this.reservation : "none";
			if (order.getStatus() == OrderStatus.PROCESSED) {
				if (!charge.equals("APPROVED") || !stock.equals("COMMITTED") || processedEvents != 1
						|| failedEvents != 0) {
					return "PROCESSED with charge " + charge + ", reservation " + stock + ", " + processedEvents
							+ " OrderProcessed and " + failedEvents + " OrderFailed events";
				}
				if (!this.payment.id().equals(order.getPaymentId())) {
					return "PROCESSED with another payment than the kept charge";
				}
				return null;
			}
			boolean keptCharge = charge.equals("APPROVED");
			boolean heldStock = stock.equals("RESERVED") || stock.equals("COMMITTED");
			if (keptCharge || heldStock || failedEvents != 1 || processedEvents != 0) {
				return "FAILED (" + order.getFailureReason() + ") with charge " + charge + ", reservation " + stock
						+ ", " + failedEvents + " OrderFailed and " + processedEvents + " OrderProcessed events";
			}
			return null;
		}

		private void wire() {
			given(this.inventory.reserve(anyString(), any())).willAnswer((invocation) -> call("reserve", () -> {
				if (this.reservation == null) {
					this.reservation = "RESERVED";
				}
				return new InventoryClient.ReservationOutcome.Reserved(
						new InventoryClient.Reservation(invocation.getArgument(0), this.reservation,
								List.of(new InventoryClient.PricedLine("KB-0001", 2,
										new InventoryClient.Money(new BigDecimal("89.00"), "EUR"))),
								new InventoryClient.Money(new BigDecimal("178.00"), "EUR")));
			}));
			willAnswer((invocation) -> call("commit", () -> {
				if ("RESERVED".equals(this.reservation) || "COMMITTED".equals(this.reservation)) {
					this.reservation = "COMMITTED";
					return null;
				}
				throw HttpClientErrorException.create(HttpStatus.CONFLICT, "reservation " + this.reservation, null,
						null, null);
			})).given(this.inventory).commit(anyString());
			given(this.inventory.release(anyString())).willAnswer((invocation) -> call("release", () -> {
				if ("COMMITTED".equals(this.reservation)) {
					return false;
				}
				if (this.reservation != null) {
					this.reservation = "RELEASED";
				}
				return true;
			}));
			given(this.payments.charge(anyString(), any(), anyString(), anyString()))
				.willAnswer((invocation) -> call("charge", () -> {
					charge(invocation.getArgument(0));
					return this.payment;
				}));
			given(this.payments.voidCharge(anyString())).willAnswer((invocation) -> call("void", () -> {
				if (this.payment == null) {
					this.payment = new PaymentClient.Payment(UUID.randomUUID(), invocation.getArgument(0), "VOIDED",
							null);
				}
				return this.payment;
			}));
			given(this.payments.refund(any())).willAnswer((invocation) -> call("refund", () -> {
				if (this.payment != null && this.payment.isApproved()) {
					this.payment = new PaymentClient.Payment(this.payment.id(), this.payment.orderId(), "REFUNDED",
							null);
				}
				return this.payment;
			}));
		}

		private void charge(String orderId) {
			if (this.payment == null) {
				boolean approved = this.token.equals("tok_approve");
				this.payment = new PaymentClient.Payment(UUID.randomUUID(), orderId, approved ? "APPROVED" : "DECLINED",
						approved ? null : "CARD_DECLINED");
			}
		}

		private void landLateCharge() {
			Runnable charge = this.lateCharge;
			this.lateCharge = null;
			this.trace.add("late charge lands");
			charge.run();
		}

		private <T> T call(String name, Supplier<T> effect) {
			if (this.lateCharge != null && --this.callsUntilLateChargeLands <= 0) {
				landLateCharge();
			}
			Fault fault = this.faults.get(name);
			this.trace.add(name + (fault == Fault.NONE ? "" : ":" + fault));
			switch (fault) {
				case REFUSED -> throw new DependencyUnavailableException(name, new RuntimeException("refused"));
				case TIMEOUT_BEFORE_EFFECT -> throw new OutcomeUnknownException(name, new RuntimeException("timeout"));
				case TIMEOUT_AFTER_EFFECT -> {
					effect.get();
					throw new OutcomeUnknownException(name, new RuntimeException("timeout"));
				}
				case CRASH_BEFORE_EFFECT -> throw new Crash();
				case CRASH_AFTER_EFFECT -> {
					effect.get();
					throw new Crash();
				}
				case LANDS_LATE -> {
					this.lateCharge = effect::get;
					this.callsUntilLateChargeLands = 1 + this.random.nextInt(4);
					throw new OutcomeUnknownException(name, new RuntimeException("timeout"));
				}
				default -> {
					return effect.get();
				}
			}
		}

	}

}
