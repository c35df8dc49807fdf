package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PaymentTests {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456Z");

	@Test
	void refundsAnApprovedPayment() {
		Payment payment = Payment.approved("order-1", new BigDecimal("10.00"), "EUR", AT);

		payment.refund(AT.plusSeconds(30));

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.getCreatedAt()).isEqualTo(AT);
		assertThat(payment.getUpdatedAt()).isEqualTo(AT.plusSeconds(30));
	}

	@Test
	void refusesToRefundADeclinedPayment() {
		Payment payment = Payment.declined("order-1", new BigDecimal("10.00"), "EUR", DeclineReason.INSUFFICIENT_FUNDS,
				AT);

		assertThatExceptionOfType(RefundNotAllowedException.class).isThrownBy(() -> payment.refund(AT.plusSeconds(30)))
			.satisfies((ex) -> assertThat(ex.getBody().getType())
				.hasToString("https://cloudshop.dev/problems/refund-not-allowed"));
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
	}

	@Test
	void changesNothingWhenRefundedAgain() {
		Payment payment = Payment.approved("order-1", new BigDecimal("10.00"), "EUR", AT);
		payment.refund(AT.plusSeconds(30));

		payment.refund(AT.plusSeconds(60));

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.getUpdatedAt()).isEqualTo(AT.plusSeconds(30));
	}

	@Test
	void keepsTheDeclineReasonOfADeclinedPayment() {
		Payment payment = Payment.declined("order-1", new BigDecimal("10.00"), "EUR", DeclineReason.SUSPECTED_FRAUD,
				AT);

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.getDeclineReason()).isEqualTo(DeclineReason.SUSPECTED_FRAUD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1", "1000000.01", "1000001" })
	void rejectsAnAmountOutOfRange(String amount) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.approved("order-1", new BigDecimal(amount), "EUR", AT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "order 1", "order/1", "ordér-1" })
	void rejectsAnOrderIdOfAnotherForm(String orderId) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.approved(orderId, new BigDecimal("10.00"), "EUR", AT));
	}

	@Test
	void acceptsTheLargestAmount() {
		assertThat(Payment.approved("order-1", new BigDecimal("1000000"), "EUR", AT).getAmount())
			.isEqualByComparingTo("1000000");
	}

	@ParameterizedTest
	@CsvSource({ "1.001, EUR", "1.5, JPY", "1.0001, KWD" })
	void rejectsMoreDecimalsThanTheCurrencyHas(String amount, String currency) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.approved("order-1", new BigDecimal(amount), currency, AT));
	}

	@ParameterizedTest
	@CsvSource({ "49.9, EUR, 49.90", "1E+2, EUR, 100.00", "1500.000, JPY, 1500", "1.234, KWD, 1.234" })
	void writesTheAmountWithTheDecimalsOfItsCurrency(String amount, String currency, String written) {
		Payment payment = Payment.approved("order-1", new BigDecimal(amount), currency, AT);

		assertThat(payment.getAmount().toPlainString()).isEqualTo(written);
	}

	@ParameterizedTest
	@ValueSource(strings = { "XXY", "eur", "EURO", "XAU", "XXX" })
	void rejectsACurrencyPaymentsCannotBeMadeIn(String currency) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.approved("order-1", new BigDecimal("10"), currency, AT));
	}

	@Test
	void isTheSameChargeForAnEqualAmountWrittenDifferently() {
		Payment payment = Payment.approved("order-1", new BigDecimal("49.90"), "EUR", AT);

		assertThat(payment.isSameCharge(new BigDecimal("49.9"), "EUR")).isTrue();
		assertThat(payment.isSameCharge(new BigDecimal("49.91"), "EUR")).isFalse();
		assertThat(payment.isSameCharge(new BigDecimal("49.90"), "USD")).isFalse();
	}

}
