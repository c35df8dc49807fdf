package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderTests {

	@Test
	void startsPendingWithoutATotal() {
		var order = new Order("c-1", "ada@example.com", List.of(new OrderLine("KB-0001", 1, null)));

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.getTotal()).isNull();
		assertThat(order.getCurrency()).isNull();
		assertThat(order.getUpdatedAt()).isEqualTo(order.getCreatedAt());
	}

	@Test
	void rejectsAnOrderWithoutLines() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Order("c-1", "ada@example.com", List.of()));
	}

	@Test
	void rejectsALineWithoutAPositiveQuantity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("KB-0001", 0, BigDecimal.ONE));
	}

	@Test
	void totalsThePricedLinesWhenProcessed() {
		var order = new Order("c-1", "ada@example.com", List.of(new OrderLine("KB-0001", 2, new BigDecimal("19.99")),
				new OrderLine("MS-0002", 1, new BigDecimal("5.00"))));

		order.markProcessed("EUR");

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PROCESSED);
		assertThat(order.getTotal()).isEqualByComparingTo("44.98");
		assertThat(order.getCurrency()).isEqualTo("EUR");
	}

	@Test
	void refusesToProcessAnOrderWithAnUnpricedLine() {
		var order = new Order("c-1", "ada@example.com", List.of(new OrderLine("KB-0001", 1, null)));

		assertThatIllegalStateException().isThrownBy(() -> order.markProcessed("EUR"));
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void resolvesAnUnknownPaymentToProcessed() {
		var order = new Order("c-1", "ada@example.com", List.of(new OrderLine("KB-0001", 1, BigDecimal.TEN)));

		order.markPaymentUnknown();
		order.markProcessed("EUR");

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PROCESSED);
	}

	@Test
	void keepsAFailedOrderFailed() {
		var order = new Order("c-1", "ada@example.com", List.of(new OrderLine("KB-0001", 1, BigDecimal.TEN)));
		order.markFailed("OUT_OF_STOCK", "KB-0001: 0 left");

		assertThatIllegalStateException().isThrownBy(() -> order.markProcessed("EUR"));
		assertThatIllegalStateException().isThrownBy(() -> order.markFailed("PAYMENT_DECLINED", null));
		assertThatIllegalStateException().isThrownBy(order::markPaymentUnknown);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.FAILED);
		assertThat(order.getFailureReason()).isEqualTo("OUT_OF_STOCK");
	}

}
