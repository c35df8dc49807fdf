package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the public API shows it.
 */
record PaymentView(UUID id, String orderId, Money amount, PaymentStatus status, DeclineReason declineReason,
		Instant createdAt, Instant updatedAt) {

	/**
	 * An amount, with as many decimals as its currency has.
	 */
	record Money(BigDecimal amount, String currency) {
	}

	static PaymentView of(Payment payment) {
		// A void has no amount.
		Money amount = (payment.getAmount() != null) ? new Money(payment.getAmount(), payment.getCurrency()) : null;
		return new PaymentView(payment.getId(), payment.getOrderId(), amount, payment.getStatus(),
				payment.getDeclineReason(), payment.getCreatedAt(), payment.getUpdatedAt());
	}

}
