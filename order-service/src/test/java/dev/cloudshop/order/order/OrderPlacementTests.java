package dev.cloudshop.order.order;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.order.inventory.InventoryClient.ReservationOutcome;
import dev.cloudshop.order.resilience.DependencyUnavailableException;
import dev.cloudshop.order.resilience.OutcomeUnknownException;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

/**
 * Each branch a new order's saga can take, one order at a time: what the customer sees of
 * the order at the end, and what was given back to inventory-service and payment-service
 * for it.
 */
class OrderPlacementTests {

	private final SagaFixture saga = new SagaFixture();

	private final OrderPlacement placement = this.saga.placement();

	@Test
	void processesAnOrderWhoseStockIsReservedAndWhoseChargeIsApproved() {
		this.saga.inventoryReserves();
		this.saga.paymentCharges("APPROVED");
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PROCESSED);
		assertThat(order.getTotal()).isEqualByComparingTo("178.00");
		assertThat(order.getPaymentId()).isNotNull();
		then(this.saga.payments).should().charge(id.toString(), order.getTotal(), "EUR", "tok_approve");
		then(this.saga.inventory).should().commit(id.toString());
		then(this.saga.inventory).should(never()).release(anyString());
		assertThat(this.saga.processedEvents(id)).singleElement()
			.satisfies((event) -> assertThat(event.paymentId()).isEqualTo(order.getPaymentId()));
		assertThat(this.saga.failedEvents(id)).isEmpty();
	}

	@Test
	void failsAnOrderOutOfStockWithoutChargingIt() {
		given(this.saga.inventory.reserve(anyString(), any()))
			.willReturn(new ReservationOutcome.OutOfStock("Only 1 of KB-0001 left"));
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertFailed(order, FailureReason.OUT_OF_STOCK);
		assertThat(order.getFailureDetail()).isEqualTo("Only 1 of KB-0001 left");
		assertThat(order.isCompensationPending()).isFalse();
		then(this.saga.payments).should(never()).charge(anyString(), any(), anyString(), anyString());
		assertThat(this.saga.failedEvents(id)).singleElement()
			.satisfies((event) -> assertThat(event.reason()).isEqualTo(FailureReason.OUT_OF_STOCK));
	}

	@Test
	void failsAnOrderOfAnUnknownProductWithoutChargingIt() {
		given(this.saga.inventory.reserve(anyString(), any()))
			.willReturn(new ReservationOutcome.Rejected("No product XX-0000"));
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertFailed(order, FailureReason.UNKNOWN_PRODUCT);
		then(this.saga.payments).should(never()).charge(anyString(), any(), anyString(), anyString());
	}

	@Test
	void failsAnOrderWhenInventoryIsUnavailableWithoutChargingIt() {
		given(this.saga.inventory.reserve(anyString(), any())).willThrow(unavailable("inventory-service"));
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertFailed(order, FailureReason.DEPENDENCY_UNAVAILABLE);
		assertThat(order.isCompensationPending()).isFalse();
		then(this.saga.payments).should(never()).charge(anyString(), any(), anyString(), anyString());
		then(this.saga.inventory).should(never()).release(anyString());
	}

	@Test
	void releasesAReservationThatMayHaveLandedWhenInventoryDidNotAnswer() {
		given(this.saga.inventory.reserve(anyString(), any())).willThrow(unknown("inventory-service"));
		this.saga.inventoryReleases();
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertFailed(order, FailureReason.DEPENDENCY_UNAVAILABLE);
		assertThat(order.isCompensationPending()).isFalse();
		then(this.saga.inventory).should().release(id.toString());
		then(this.saga.payments).should(never()).charge(anyString(), any(), anyString(), anyString());
	}

	@Test
	void releasesTheStockOfADeclinedPayment() {
		this.saga.inventoryReserves();
		this.saga.inventoryReleases();
		this.saga.paymentCharges("DECLINED");
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_decline");

		assertFailed(order, FailureReason.PAYMENT_DECLINED);
		assertThat(order.getFailureDetail()).contains("CARD_DECLINED");
		assertThat(order.isCompensationPending()).isFalse();
		then(this.saga.inventory).should().release(id.toString());
		then(this.saga.inventory).should(never()).commit(anyString());
		then(this.saga.payments).should(never()).voidCharge(anyString());
		assertThat(this.saga.failedEvents(id)).singleElement()
			.satisfies((event) -> assertThat(event.reason()).isEqualTo(FailureReason.PAYMENT_DECLINED));
	}

	@Test
	void releasesTheStockWhenPaymentIsUnavailable() {
		this.saga.inventoryReserves();
		this.saga.inventoryReleases();
		given(this.saga.payments.charge(anyString(), any(), anyString(), anyString()))
			.willThrow(unavailable("payment-service"));
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertFailed(order, FailureReason.DEPENDENCY_UNAVAILABLE);
		then(this.saga.inventory).should().release(id.toString());
		then(this.saga.payments).should(never()).voidCharge(anyString());
	}

	@Test
	void releasesTheStockWhenPaymentRefusesTheCharge() {
		this.saga.inventoryReserves();
		this.saga.inventoryReleases();
		given(this.saga.payments.charge(anyString(), any(), anyString(), anyString())).willThrow(
				HttpClientErrorException.create(HttpStatus.UNPROCESSABLE_CONTENT, "bad token", null, null, null));
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertFailed(order, FailureReason.PAYMENT_FAILED);
		assertThat(order.getFailureDetail()).contains("422");
		then(this.saga.inventory).should().release(id.toString());
	}

	@Test
	void leavesAnOrderWhoseChargeHasAnUnknownOutcomeToTheRecoveryJob() {
		this.saga.inventoryReserves();
		given(this.saga.payments.charge(anyString(), any(), anyString(), anyString()))
			.willThrow(unknown("payment-service"));
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_UNKNOWN);
		then(this.saga.inventory).should(never()).release(anyString());
		then(this.saga.payments).should(never()).voidCharge(anyString());
		assertThat(this.saga.events).isEmpty();
	}

	@Test
	void refundsTheChargeWhenTheReservationRanOutBeforeItsCommit() {
		this.saga.inventoryReserves();
		this.saga.inventoryReleases();
		this.saga.paymentCharges("APPROVED");
		willThrow(HttpClientErrorException.create(HttpStatus.CONFLICT, "expired", null, null, null))
			.given(this.saga.inventory)
			.commit(anyString());
		UUID id = this.saga.newOrder();
		given(this.saga.payments.voidCharge(id.toString()))
			.willAnswer((invocation) -> SagaFixture.payment(id.toString(), "APPROVED"));

		Order order = this.placement.run(id, "tok_approve");

		assertFailed(order, FailureReason.RESERVATION_EXPIRED);
		assertThat(order.isCompensationPending()).isFalse();
		then(this.saga.payments).should().refund(any());
		then(this.saga.inventory).should().release(id.toString());
	}

	@Test
	void keepsAPaidOrderPaidWhenItsCommitCannotBeSentYet() {
		this.saga.inventoryReserves();
		this.saga.paymentCharges("APPROVED");
		willThrow(unavailable("inventory-service")).given(this.saga.inventory).commit(anyString());
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
		then(this.saga.payments).should(never()).voidCharge(anyString());
		then(this.saga.payments).should(never()).refund(any());
		then(this.saga.inventory).should(never()).release(anyString());
	}

	@Test
	void recordsTheCompensationStillToDoWhenTheStockCannotBeReleasedYet() {
		this.saga.inventoryReserves();
		this.saga.paymentCharges("DECLINED");
		given(this.saga.inventory.release(anyString())).willThrow(unavailable("inventory-service"));
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_decline");

		assertFailed(order, FailureReason.PAYMENT_DECLINED);
		assertThat(order.isStockReleasePending()).isTrue();
		assertThat(order.isPaymentUnresolved()).isFalse();
	}

	@Test
	void givesBackAReservationThatLandedAfterTheOrderWasFailedMeanwhile() {
		UUID id = this.saga.newOrder();
		given(this.saga.inventory.reserve(anyString(), any())).willAnswer((invocation) -> {
			// The recovery job took the order over while the reservation was on its way.
			this.saga.steps.failedReleasingStock(id, FailureReason.DEPENDENCY_UNAVAILABLE, "taken over");
			return new ReservationOutcome.Reserved(SagaFixture.reservation(id));
		});
		this.saga.inventoryReleases();

		Order order = this.placement.run(id, "tok_approve");

		assertFailed(order, FailureReason.DEPENDENCY_UNAVAILABLE);
		then(this.saga.inventory).should().release(id.toString());
		then(this.saga.payments).should(never()).charge(anyString(), any(), anyString(), anyString());
		assertThat(this.saga.failedEvents(id)).hasSize(1);
	}

	@Test
	void answersThePendingOrderWhenADependencyMisbehavesUnexpectedly() {
		given(this.saga.inventory.reserve(anyString(), any())).willThrow(new IllegalArgumentException("garbled"));
		UUID id = this.saga.newOrder();

		Order order = this.placement.run(id, "tok_approve");

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.saga.events).isEmpty();
	}

	@Test
	void affectsOnlyItsOwnOrder() {
		this.saga.inventoryReserves();
		this.saga.inventoryReleases();
		this.saga.paymentCharges("DECLINED");
		UUID other = this.saga.orderWithReservedStock();
		UUID id = this.saga.newOrder();

		this.placement.run(id, "tok_decline");

		then(this.saga.inventory).should().release(id.toString());
		then(this.saga.inventory).should(never()).release(other.toString());
		assertThat(this.saga.order(other).getStatus()).isEqualTo(OrderStatus.STOCK_RESERVED);
	}

	private static void assertFailed(Order order, FailureReason reason) {
		assertThat(order.getStatus()).isEqualTo(OrderStatus.FAILED);
		assertThat(order.getFailureReason()).isEqualTo(reason.name());
	}

	private static DependencyUnavailableException unavailable(String dependency) {
		return new DependencyUnavailableException(dependency, new RuntimeException("connection refused"));
	}

	private static OutcomeUnknownException unknown(String dependency) {
		return new OutcomeUnknownException(dependency, new RuntimeException("read timed out"));
	}

}
