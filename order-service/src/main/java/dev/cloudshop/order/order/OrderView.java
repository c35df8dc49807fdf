package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * An order as the public API shows it.
 */
record OrderView(UUID id, String customerId, String email, OrderStatus status, String failureReason,
		String failureDetail, List<Line> lines, Money total, Instant createdAt, Instant updatedAt) {

	record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

	record Money(BigDecimal amount, String currency) {
	}

	static OrderView of(Order order) {
		var lines = order.getLines()
			.stream()
			.map((line) -> new Line(line.sku(), line.quantity(), inCurrency(line.unitPrice(), order.getCurrency())))
			.toList();
		var total = (order.getTotal() != null)
				? new Money(inCurrency(order.getTotal(), order.getCurrency()), order.getCurrency()) : null;
		return new OrderView(order.getId(), order.getCustomerId(), order.getEmail(), order.getStatus(),
				order.getFailureReason(), order.getFailureDetail(), lines, total, order.getCreatedAt(),
				order.getUpdatedAt());
	}

	/**
	 * An amount with its currency's own number of decimals (two for EUR, none for JPY).
	 */
	private static BigDecimal inCurrency(BigDecimal amount, String currency) {
		if (amount == null || currency == null) {
			return amount;
		}
		return amount.setScale(Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0),
				RoundingMode.HALF_EVEN);
	}

}
