package dev.cloudshop.payment.payment;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PaymentTests {

	@Test
	void refundsAnApprovedPayment() {
		Payment payment = Payment.approved("order-1", new BigDecimal("10.00"), "EUR");

		payment.refund();

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.getUpdatedAt()).isAfterOrEqualTo(payment.getCreatedAt());
	}

	@Test
	void refusesToRefundADeclinedPayment() {
		Payment payment = Payment.declined("order-1", new BigDecimal("10.00"), "EUR", "INSUFFICIENT_FUNDS");

		assertThatIllegalStateException().isThrownBy(payment::refund);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
	}

	@Test
	void refusesToRefundTwice() {
		Payment payment = Payment.approved("order-1", new BigDecimal("10.00"), "EUR");
		payment.refund();

		assertThatIllegalStateException().isThrownBy(payment::refund);
	}

	@Test
	void rejectsANonPositiveAmount() {
		assertThatIllegalArgumentException().isThrownBy(() -> Payment.approved("order-1", BigDecimal.ZERO, "EUR"));
	}

}
