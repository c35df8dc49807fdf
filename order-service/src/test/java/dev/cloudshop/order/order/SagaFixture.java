package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.cloudshop.order.inventory.InventoryClient;
import dev.cloudshop.order.inventory.InventoryClient.ReservationOutcome;
import dev.cloudshop.order.payment.PaymentClient;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The saga's real steps and state machine on orders kept in memory, with
 * inventory-service and payment-service mocked: what a test of one branch of the saga
 * needs, and the events the orders registered.
 */
class SagaFixture {

	static final Duration DEADLINE = Duration.ofMinutes(2);

	final List<Object> events = new ArrayList<>();

	final InMemoryOrders orders = new InMemoryOrders(this.events::add);

	final Clock clock = Clock.systemUTC();

	final OrderSteps steps = new OrderSteps(this.orders, this.clock, new SimpleMeterRegistry());

	final InventoryClient inventory = mock(InventoryClient.class);

	final PaymentClient payments = mock(PaymentClient.class);

	OrderPlacement placement(Duration deadline) {
		return new OrderPlacement(this.steps, this.inventory, this.payments,
				new SagaProperties(Duration.ofSeconds(20), deadline, Duration.ofSeconds(2)), this.clock);
	}

	OrderPlacement placement() {
		return placement(DEADLINE);
	}

	/**
	 * A new pending order of two keyboards.
	 */
	UUID newOrder() {
		return this.steps.create("ada", "ada@example.com", List.of(new OrderLine("KB-0001", 2, null))).getId();
	}

	/**
	 * An order whose saga got as far as the charge; the charge's outcome is unknown.
	 */
	UUID orderWithUnknownPayment() {
		UUID id = orderWithReservedStock();
		this.steps.paymentUnknown(id);
		return id;
	}

	/**
	 * An order whose stock is held, at 89.00 EUR a keyboard.
	 */
	UUID orderWithReservedStock() {
		UUID id = newOrder();
		this.steps.stockReserved(id, reservation(id));
		return id;
	}

	/**
	 * An order that was charged; its reservation is not committed yet.
	 */
	UUID paidOrder(UUID paymentId) {
		UUID id = orderWithReservedStock();
		this.steps.paid(id, paymentId);
		return id;
	}

	Order order(UUID id) {
		return this.orders.get(id);
	}

	void inventoryReserves() {
		given(this.inventory.reserve(anyString(), any()))
			.willAnswer((invocation) -> new ReservationOutcome.Reserved(reservation(invocation.getArgument(0))));
	}

	void inventoryReleases() {
		given(this.inventory.release(anyString())).willReturn(true);
	}

	void paymentCharges(String status) {
		given(this.payments.charge(anyString(), any(), anyString(), anyString()))
			.willAnswer((invocation) -> payment(invocation.getArgument(0), status));
	}

	void paymentAnswersVoid(UUID orderId, PaymentClient.Payment payment) {
		given(this.payments.voidCharge(eq(orderId.toString()))).willReturn(payment);
	}

	List<OrderFailed> failedEvents(UUID id) {
		return this.events.stream()
			.filter(OrderFailed.class::isInstance)
			.map(OrderFailed.class::cast)
			.filter((event) -> event.orderId().equals(id))
			.toList();
	}

	List<OrderProcessed> processedEvents(UUID id) {
		return this.events.stream()
			.filter(OrderProcessed.class::isInstance)
			.map(OrderProcessed.class::cast)
			.filter((event) -> event.orderId().equals(id))
			.toList();
	}

	static PaymentClient.Payment payment(String orderId, String status) {
		return new PaymentClient.Payment(UUID.randomUUID(), orderId, status,
				"DECLINED".equals(status) ? "CARD_DECLINED" : null);
	}

	static InventoryClient.Reservation reservation(Object orderId) {
		return new InventoryClient.Reservation(orderId.toString(), "RESERVED",
				List.of(new InventoryClient.PricedLine("KB-0001", 2,
						new InventoryClient.Money(new BigDecimal("89.00"), "EUR"))),
				new InventoryClient.Money(new BigDecimal("178.00"), "EUR"));
	}

}
