package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderTests {

	Order order = new Order("ada", "ada@example.com",
			List.of(new OrderLine("KB-0001", 2, null), new OrderLine("MS-0002", 1, null)));

	List<OrderLine> priced = List.of(new OrderLine("KB-0001", 2, new BigDecimal("89.00")),
			new OrderLine("MS-0002", 1, new BigDecimal("34.50")));

	@Test
	void startsPendingWithoutATotal() {
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.order.getTotal()).isNull();
	}

	@Test
	void takesItsTotalFromTheReservedPrices() {
		this.order.stockReserved(this.priced, "EUR");
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.STOCK_RESERVED);
		assertThat(this.order.getTotal()).isEqualByComparingTo("212.50");
		assertThat(this.order.getCurrency()).isEqualTo("EUR");
	}

	@Test
	void refusesPricedLinesThatAreNotTheOrderedOnes() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.order.stockReserved(List.of(new OrderLine("KB-0001", 3, new BigDecimal("89.00"))), "EUR"));
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void goesThroughTheHappyPath() {
		this.order.stockReserved(this.priced, "EUR");
		UUID paymentId = UUID.randomUUID();
		this.order.paid(paymentId);
		this.order.processed();
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PROCESSED);
		assertThat(this.order.getPaymentId()).isEqualTo(paymentId);
	}

	@Test
	void resolvesAnUnknownPaymentToPaid() {
		this.order.stockReserved(this.priced, "EUR");
		this.order.paymentUnknown();
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PAYMENT_UNKNOWN);
		this.order.paid(UUID.randomUUID());
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void cannotBePaidBeforeItsStockIsReserved() {
		assertThatIllegalStateException().isThrownBy(() -> this.order.paid(UUID.randomUUID()));
	}

	@Test
	void cannotBeProcessedBeforeItIsPaid() {
		this.order.stockReserved(this.priced, "EUR");
		assertThatIllegalStateException().isThrownBy(this.order::processed);
	}

	@Test
	void keepsAFailedOrderFailed() {
		this.order.fail(FailureReason.OUT_OF_STOCK, "Only 1 left");
		assertThat(this.order.getFailureReason()).isEqualTo("OUT_OF_STOCK");
		assertThatIllegalStateException().isThrownBy(() -> this.order.stockReserved(this.priced, "EUR"));
		assertThatIllegalStateException().isThrownBy(() -> this.order.fail(FailureReason.PAYMENT_DECLINED, "again"));
	}

	@Test
	void neverFailsAProcessedOrder() {
		this.order.stockReserved(this.priced, "EUR");
		this.order.paid(UUID.randomUUID());
		this.order.processed();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.order.fail(FailureReason.DEPENDENCY_UNAVAILABLE, "late"));
	}

	@Test
	void remembersWhatIsStillToUndoOfAFailedOrder() {
		this.order.failUndoingEverything(FailureReason.DEPENDENCY_UNAVAILABLE, "deadline");
		assertThat(this.order.isStockReleasePending()).isTrue();
		assertThat(this.order.isPaymentUnresolved()).isTrue();
		this.order.stockReleased();
		assertThat(this.order.isCompensationPending()).isTrue();
		this.order.paymentResolved();
		assertThat(this.order.isCompensationPending()).isFalse();
	}

	@Test
	void owesOnlyTheStockWhenNoChargeWasMade() {
		this.order.stockReserved(this.priced, "EUR");
		this.order.failReleasingStock(FailureReason.PAYMENT_DECLINED, "declined");
		assertThat(this.order.isStockReleasePending()).isTrue();
		assertThat(this.order.isPaymentUnresolved()).isFalse();
	}

	@Test
	void owesNothingWhenNothingWasReserved() {
		this.order.fail(FailureReason.OUT_OF_STOCK, "none left");
		assertThat(this.order.isCompensationPending()).isFalse();
	}

	@Test
	void neverPaysAnOrderThatFailedMeanwhile() {
		this.order.stockReserved(this.priced, "EUR");
		this.order.failUndoingEverything(FailureReason.DEPENDENCY_UNAVAILABLE, "taken over");
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> this.order.paid(UUID.randomUUID()));
	}

	@Test
	void isPastItsDeadlineOnlyWhileUnsettled() {
		Instant later = Instant.now().plus(Duration.ofMinutes(3));
		assertThat(this.order.isPastDeadline(Duration.ofMinutes(2), later)).isTrue();
		assertThat(this.order.isPastDeadline(Duration.ofMinutes(2), Instant.now())).isFalse();
		this.order.fail(FailureReason.OUT_OF_STOCK, "none left");
		assertThat(this.order.isPastDeadline(Duration.ofMinutes(2), later)).isFalse();
	}

	@Test
	void registersOrderProcessedWithWhatWasSoldAndCharged() {
		this.order.stockReserved(this.priced, "EUR");
		UUID paymentId = UUID.randomUUID();
		this.order.paid(paymentId);
		assertThat(registeredEvents()).isEmpty();

		this.order.processed();

		assertThat(registeredEvents()).singleElement().isInstanceOfSatisfying(OrderProcessed.class, (processed) -> {
			assertThat(processed.lines()).isEqualTo(this.priced);
			assertThat(processed.total()).isEqualByComparingTo("212.50");
			assertThat(processed.currency()).isEqualTo("EUR");
			assertThat(processed.paymentId()).isEqualTo(paymentId);
			assertThat(processed.processedAt()).isEqualTo(this.order.getUpdatedAt());
		});
	}

	@Test
	void registersOrderFailedWithItsReasonOnce() {
		this.order.failUndoingEverything(FailureReason.DEPENDENCY_UNAVAILABLE, "deadline");
		this.order.stockReleased();
		this.order.paymentResolved();

		assertThat(registeredEvents()).singleElement().isInstanceOfSatisfying(OrderFailed.class, (failed) -> {
			assertThat(failed.reason()).isEqualTo(FailureReason.DEPENDENCY_UNAVAILABLE);
			assertThat(failed.detail()).isEqualTo("deadline");
			assertThat(failed.email()).isEqualTo("ada@example.com");
		});
	}

	private Collection<Object> registeredEvents() {
		return ReflectionTestUtils.invokeMethod(this.order, "domainEvents");
	}

}
