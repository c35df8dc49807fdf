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

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");

	Order order = new Order("ada", "ada@example.com",
			List.of(new OrderLine("KB-0001", 2, null), new OrderLine("MS-0002", 1, null)), NOW);

	List<OrderLine> priced = List.of(new OrderLine("KB-0001", 2, new BigDecimal("89.00")),
			new OrderLine("MS-0002", 1, new BigDecimal("34.50")));

	@Test
	void startsPendingWithoutATotal() {
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.order.getTotal()).isNull();
		assertThat(this.order.getCreatedAt()).isEqualTo(NOW).isEqualTo(this.order.getUpdatedAt());
	}

	@Test
	void takesTheTimeOfEachChangeFromItsCaller() {
		Instant later = NOW.plusSeconds(5);
		this.order.stockReserved(this.priced, "EUR", later);
		assertThat(this.order.getCreatedAt()).isEqualTo(NOW);
		assertThat(this.order.getUpdatedAt()).isEqualTo(later);
	}

	@Test
	void takesItsTotalFromTheReservedPrices() {
		this.order.stockReserved(this.priced, "EUR", NOW);
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.STOCK_RESERVED);
		assertThat(this.order.getTotal()).isEqualByComparingTo("212.50");
		assertThat(this.order.getCurrency()).isEqualTo("EUR");
	}

	@Test
	void refusesPricedLinesThatAreNotTheOrderedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.order
			.stockReserved(List.of(new OrderLine("KB-0001", 3, new BigDecimal("89.00"))), "EUR", NOW));
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void goesThroughTheHappyPath() {
		this.order.stockReserved(this.priced, "EUR", NOW);
		UUID paymentId = UUID.randomUUID();
		this.order.paid(paymentId, NOW);
		this.order.processed(NOW);
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PROCESSED);
		assertThat(this.order.getPaymentId()).isEqualTo(paymentId);
	}

	@Test
	void resolvesAnUnknownPaymentToPaid() {
		this.order.stockReserved(this.priced, "EUR", NOW);
		this.order.paymentUnknown(NOW);
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PAYMENT_UNKNOWN);
		this.order.paid(UUID.randomUUID(), NOW);
		assertThat(this.order.getStatus()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void cannotBePaidBeforeItsStockIsReserved() {
		assertThatIllegalStateException().isThrownBy(() -> this.order.paid(UUID.randomUUID(), NOW));
	}

	@Test
	void cannotBeProcessedBeforeItIsPaid() {
		this.order.stockReserved(this.priced, "EUR", NOW);
		assertThatIllegalStateException().isThrownBy(() -> this.order.processed(NOW));
	}

	@Test
	void keepsAFailedOrderFailed() {
		this.order.fail(FailureReason.OUT_OF_STOCK, "Only 1 left", NOW);
		assertThat(this.order.getFailureReason()).isEqualTo("OUT_OF_STOCK");
		assertThatIllegalStateException().isThrownBy(() -> this.order.stockReserved(this.priced, "EUR", NOW));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.order.fail(FailureReason.PAYMENT_DECLINED, "again", NOW));
	}

	@Test
	void neverFailsAProcessedOrder() {
		this.order.stockReserved(this.priced, "EUR", NOW);
		this.order.paid(UUID.randomUUID(), NOW);
		this.order.processed(NOW);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.order.fail(FailureReason.DEPENDENCY_UNAVAILABLE, "late", NOW));
	}

	@Test
	void remembersWhatIsStillToUndoOfAFailedOrder() {
		this.order.failUndoingEverything(FailureReason.DEPENDENCY_UNAVAILABLE, "deadline", NOW);
		assertThat(this.order.isStockReleasePending()).isTrue();
		assertThat(this.order.isPaymentUnresolved()).isTrue();
		this.order.stockReleased(NOW);
		assertThat(this.order.isCompensationPending()).isTrue();
		this.order.paymentResolved(NOW);
		assertThat(this.order.isCompensationPending()).isFalse();
	}

	@Test
	void owesOnlyTheStockWhenNoChargeWasMade() {
		this.order.stockReserved(this.priced, "EUR", NOW);
		this.order.failReleasingStock(FailureReason.PAYMENT_DECLINED, "declined", NOW);
		assertThat(this.order.isStockReleasePending()).isTrue();
		assertThat(this.order.isPaymentUnresolved()).isFalse();
	}

	@Test
	void owesNothingWhenNothingWasReserved() {
		this.order.fail(FailureReason.OUT_OF_STOCK, "none left", NOW);
		assertThat(this.order.isCompensationPending()).isFalse();
	}

	@Test
	void neverPaysAnOrderThatFailedMeanwhile() {
		this.order.stockReserved(this.priced, "EUR", NOW);
		this.order.failUndoingEverything(FailureReason.DEPENDENCY_UNAVAILABLE, "taken over", NOW);
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> this.order.paid(UUID.randomUUID(), NOW));
	}

	@Test
	void isPastItsDeadlineOnlyWhileUnsettled() {
		Instant later = NOW.plus(Duration.ofMinutes(3));
		assertThat(this.order.isPastDeadline(Duration.ofMinutes(2), later)).isTrue();
		assertThat(this.order.isPastDeadline(Duration.ofMinutes(2), NOW.plus(Duration.ofMinutes(1)))).isFalse();
		this.order.fail(FailureReason.OUT_OF_STOCK, "none left", NOW);
		assertThat(this.order.isPastDeadline(Duration.ofMinutes(2), later)).isFalse();
	}

	@Test
	void registersOrderProcessedWithWhatWasSoldAndCharged() {
		this.order.stockReserved(this.priced, "EUR", NOW);
		UUID paymentId = UUID.randomUUID();
		this.order.paid(paymentId, NOW);
		assertThat(registeredEvents()).isEmpty();

		this.order.processed(NOW);

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
		this.order.failUndoingEverything(FailureReason.DEPENDENCY_UNAVAILABLE, "deadline", NOW);
		this.order.stockReleased(NOW);
		this.order.paymentResolved(NOW);

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
