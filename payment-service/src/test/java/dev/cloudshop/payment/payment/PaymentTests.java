package dev.cloudshop.payment.payment;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
		Payment payment = Payment.declined("order-1", new BigDecimal("10.00"), "EUR", DeclineReason.INSUFFICIENT_FUNDS);

		assertThatExceptionOfType(RefundNotAllowedException.class).isThrownBy(payment::refund)
			.satisfies((ex) -> assertThat(ex.getBody().getType())
				.hasToString("https://cloudshop.dev/problems/refund-not-allowed"));
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
	}

	@Test
	void changesNothingWhenRefundedAgain() throws InterruptedException {
		Payment payment = Payment.approved("order-1", new BigDecimal("10.00"), "EUR");
		payment.refund();
		var refundedAt = payment.getUpdatedAt();
		Thread.sleep(2);

		payment.refund();

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.getUpdatedAt()).isEqualTo(refundedAt);
	}

	@Test
	void keepsTheDeclineReasonOfADeclinedPayment() {
		Payment payment = Payment.declined("order-1", new BigDecimal("10.00"), "EUR", DeclineReason.SUSPECTED_FRAUD);

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.getDeclineReason()).isEqualTo(DeclineReason.SUSPECTED_FRAUD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1", "1000000.01", "1000001" })
	void rejectsAnAmountOutOfRange(String amount) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.approved("order-1", new BigDecimal(amount), "EUR"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "order 1", "order/1", "ordér-1" })
	void rejectsAnOrderIdOfAnotherForm(String orderId) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.approved(orderId, new BigDecimal("10.00"), "EUR"));
	}

	@Test
	void acceptsTheLargestAmount() {
		assertThat(Payment.approved("order-1", new BigDecimal("1000000"), "EUR").getAmount())
			.isEqualByComparingTo("1000000");
	}

	@ParameterizedTest
	@CsvSource({ "1.001, EUR", "1.5, JPY", "1.0001, KWD" })
	void rejectsMoreDecimalsThanTheCurrencyHas(String amount, String currency) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.approved("order-1", new BigDecimal(amount), currency));
	}

	@ParameterizedTest
	@CsvSource({ "49.9, EUR, 49.90", "1E+2, EUR, 100.00", "1500.000, JPY, 1500", "1.234, KWD, 1.234" })
	void writesTheAmountWithTheDecimalsOfItsCurrency(String amount, String currency, String written) {
		Payment payment = Payment.approved("order-1", new BigDecimal(amount), currency);

		assertThat(payment.getAmount().toPlainString()).isEqualTo(written);
	}

	@ParameterizedTest
	@ValueSource(strings = { "XXY", "eur", "EURO", "XAU", "XXX" })
	void rejectsACurrencyPaymentsCannotBeMadeIn(String currency) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.approved("order-1", new BigDecimal("10"), currency));
	}

	@Test
	void isTheSameChargeForAnEqualAmountWrittenDifferently() {
		Payment payment = Payment.approved("order-1", new BigDecimal("49.90"), "EUR");

		assertThat(payment.isSameCharge(new BigDecimal("49.9"), "EUR")).isTrue();
		assertThat(payment.isSameCharge(new BigDecimal("49.91"), "EUR")).isFalse();
		assertThat(payment.isSameCharge(new BigDecimal("49.90"), "USD")).isFalse();
	}

}
