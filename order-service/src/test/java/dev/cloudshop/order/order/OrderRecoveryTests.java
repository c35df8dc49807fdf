package dev.cloudshop.order.order;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.order.payment.PaymentClient;
import dev.cloudshop.order.resilience.DependencyUnavailableException;
import dev.cloudshop.order.resilience.OutcomeUnknownException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * The recovery job on the orders a saga left behind, one order at a time: what it makes
 * of each order, and what it gives back to inventory-service and payment-service for it.
 */
class OrderRecoveryTests {

	private final SagaFixture saga = new SagaFixture();

	private final OrderClaims claims = mock(OrderClaims.class);

	@Test
	void failsAnOrderInterruptedBeforeItsStockWasReservedAndReleasesWhatMayHaveLanded() {
		this.saga.inventoryReleases();
		UUID id = this.saga.newOrder();

		recover(id);

		assertFailed(id, FailureReason.DEPENDENCY_UNAVAILABLE);
		assertThat(this.saga.order(id).isCompensationPending()).isFalse();
		then(this.saga.inventory).should().release(id.toString());
		then(this.saga.payments).should(never()).charge(anyString(), any(), anyString(), anyString());
		assertThat(this.saga.failedEvents(id)).hasSize(1);
	}

	@Test
	void processesAnOrderWhoseUnknownChargeTurnsOutApproved() {
		UUID id = this.saga.orderWithUnknownPayment();
		this.saga.paymentAnswersVoid(id, SagaFixture.payment(id.toString(), "APPROVED"));

		recover(id);

		assertThat(this.saga.order(id).getStatus()).isEqualTo(OrderStatus.PROCESSED);
		then(this.saga.inventory).should().commit(id.toString());
		then(this.saga.payments).should(never()).refund(any());
		assertThat(this.saga.processedEvents(id)).hasSize(1);
	}

	@Test
	void failsAnOrderWhoseUnknownChargeWasVoidedAndReleasesItsStock() {
		this.saga.inventoryReleases();
		UUID id = this.saga.orderWithUnknownPayment();
		this.saga.paymentAnswersVoid(id, SagaFixture.payment(id.toString(), "VOIDED"));

		recover(id);

		assertFailed(id, FailureReason.PAYMENT_FAILED);
		then(this.saga.inventory).should().release(id.toString());
		then(this.saga.payments).should(never()).refund(any());
	}

	@Test
	void failsAnOrderWhoseUnknownChargeTurnsOutDeclined() {
		this.saga.inventoryReleases();
		UUID id = this.saga.orderWithUnknownPayment();
		this.saga.paymentAnswersVoid(id, SagaFixture.payment(id.toString(), "DECLINED"));

		recover(id);

		assertFailed(id, FailureReason.PAYMENT_DECLINED);
		then(this.saga.inventory).should().release(id.toString());
	}

	@Test
	void refundsAndFailsAnOrderWhosePaymentIsInNoStateItCanKeep() {
		this.saga.inventoryReleases();
		UUID id = this.saga.orderWithUnknownPayment();
		this.saga.paymentAnswersVoid(id, SagaFixture.payment(id.toString(), "REFUNDED"));

		recover(id);

		assertFailed(id, FailureReason.PAYMENT_FAILED);
		assertThat(this.saga.order(id).isCompensationPending()).isFalse();
		then(this.saga.inventory).should().release(id.toString());
	}

	@Test
	void leavesAnUnknownChargeForLaterWhilePaymentIsDownBeforeTheDeadline() {
		UUID id = this.saga.orderWithUnknownPayment();
		given(this.saga.payments.voidCharge(id.toString())).willThrow(unavailable());

		recover(id);

		assertThat(this.saga.order(id).getStatus()).isEqualTo(OrderStatus.PAYMENT_UNKNOWN);
		then(this.saga.inventory).should(never()).release(anyString());
		assertThat(this.saga.events).isEmpty();
	}

	@Test
	void failsAnOrderPastItsDeadlineAndOwesTheRefundUntilPaymentAnswers() {
		this.saga.inventoryReleases();
		UUID id = this.saga.orderWithUnknownPayment();
		given(this.saga.payments.voidCharge(id.toString())).willThrow(unavailable());

		recover(id, Duration.ZERO);

		assertFailed(id, FailureReason.DEPENDENCY_UNAVAILABLE);
		assertThat(this.saga.order(id).isStockReleasePending()).isFalse();
		assertThat(this.saga.order(id).isPaymentUnresolved()).isTrue();
		then(this.saga.inventory).should().release(id.toString());

		// The charge had landed after all: the next round refunds it.
		UUID paymentId = UUID.randomUUID();
		willReturn(new PaymentClient.Payment(paymentId, id.toString(), "APPROVED", null)).given(this.saga.payments)
			.voidCharge(id.toString());
		recover(id, Duration.ZERO);

		assertThat(this.saga.order(id).isCompensationPending()).isFalse();
		assertFailed(id, FailureReason.DEPENDENCY_UNAVAILABLE);
		then(this.saga.payments).should().refund(paymentId);
		assertThat(this.saga.failedEvents(id)).hasSize(1);
	}

	@Test
	void failsAStaleOrderWithReservedStockPastItsDeadlineWhenPaymentDoesNotAnswer() {
		this.saga.inventoryReleases();
		UUID id = this.saga.orderWithReservedStock();
		given(this.saga.payments.voidCharge(id.toString())).willThrow(unknown());

		recover(id, Duration.ZERO);

		assertFailed(id, FailureReason.DEPENDENCY_UNAVAILABLE);
		then(this.saga.inventory).should().release(id.toString());
		assertThat(this.saga.order(id).isPaymentUnresolved()).isTrue();
	}

	@Test
	void completesAPaidOrderEvenPastItsDeadline() {
		UUID paymentId = UUID.randomUUID();
		UUID id = this.saga.paidOrder(paymentId);

		recover(id, Duration.ZERO);

		assertThat(this.saga.order(id).getStatus()).isEqualTo(OrderStatus.PROCESSED);
		assertThat(this.saga.order(id).getPaymentId()).isEqualTo(paymentId);
		then(this.saga.payments).should(never()).voidCharge(anyString());
		then(this.saga.payments).should(never()).refund(any());
	}

	@Test
	void neverFailsAPaidOrderWhileInventoryIsDown() {
		UUID id = this.saga.paidOrder(UUID.randomUUID());
		willThrow(unavailable()).given(this.saga.inventory).commit(id.toString());

		recover(id, Duration.ZERO);
		recover(id, Duration.ZERO);

		assertThat(this.saga.order(id).getStatus()).isEqualTo(OrderStatus.PAID);
		then(this.saga.inventory).should(times(2)).commit(id.toString());
		then(this.saga.payments).should(never()).refund(any());
		assertThat(this.saga.events).isEmpty();
	}

	@Test
	void finishesReleasingTheStockOfAFailedOrder() {
		this.saga.inventoryReleases();
		UUID id = this.saga.orderWithReservedStock();
		// Failed while inventory-service was down: its stock is still to be given back.
		this.saga.steps.failedReleasingStock(id, FailureReason.DEPENDENCY_UNAVAILABLE, "interrupted");

		recover(id);

		assertThat(this.saga.order(id).isCompensationPending()).isFalse();
		then(this.saga.inventory).should().release(id.toString());
		assertThat(this.saga.failedEvents(id)).hasSize(1);
	}

	@Test
	void leavesASettledOrderAlone() {
		UUID id = this.saga.newOrder();
		this.saga.steps.failed(id, FailureReason.OUT_OF_STOCK, "none left");

		recover(id);

		assertFailed(id, FailureReason.OUT_OF_STOCK);
		then(this.saga.inventory).should(never()).release(anyString());
		then(this.saga.payments).should(never()).voidCharge(anyString());
	}

	@Test
	void goesOnWithTheNextOrderWhenOneCannotBeRecoveredYet() {
		this.saga.inventoryReleases();
		UUID stuck = this.saga.orderWithUnknownPayment();
		given(this.saga.payments.voidCharge(stuck.toString())).willThrow(unavailable());
		UUID next = this.saga.newOrder();
		given(this.claims.claimNext(any(), any(), any())).willReturn(Optional.of(stuck), Optional.of(next),
				Optional.empty());

		recovery(SagaFixture.DEADLINE).recover();

		assertThat(this.saga.order(stuck).getStatus()).isEqualTo(OrderStatus.PAYMENT_UNKNOWN);
		assertFailed(next, FailureReason.DEPENDENCY_UNAVAILABLE);
		then(this.saga.inventory).should().release(next.toString());
		then(this.saga.inventory).should(never()).release(stuck.toString());
	}

	@Test
	void claimsAtMostTwentyOrdersPerRound() {
		UUID id = this.saga.newOrder();
		this.saga.steps.failed(id, FailureReason.OUT_OF_STOCK, "none left");
		given(this.claims.claimNext(any(), any(), any())).willReturn(Optional.of(id));

		recovery(SagaFixture.DEADLINE).recover();

		then(this.claims).should(times(20)).claimNext(any(), any(), any());
	}

	private void recover(UUID id) {
		recover(id, SagaFixture.DEADLINE);
	}

	/**
	 * One round of the recovery job in which it claims this order.
	 */
	private void recover(UUID id, Duration deadline) {
		given(this.claims.claimNext(any(), any(), any())).willReturn(Optional.of(id), Optional.empty());
		recovery(deadline).recover();
	}

	private OrderRecovery recovery(Duration deadline) {
		return new OrderRecovery(this.claims, this.saga.placement(deadline),
				new SagaProperties(Duration.ofSeconds(20), deadline, Duration.ofSeconds(2)), this.saga.clock);
	}

	private void assertFailed(UUID id, FailureReason reason) {
		Order order = this.saga.order(id);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.FAILED);
		assertThat(order.getFailureReason()).isEqualTo(reason.name());
	}

	private static DependencyUnavailableException unavailable() {
		return new DependencyUnavailableException("a service", new RuntimeException("connection refused"));
	}

	private static OutcomeUnknownException unknown() {
		return new OutcomeUnknownException("payment-service", new RuntimeException("read timed out"));
	}

}
