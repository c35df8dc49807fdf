package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestTokenTests {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456Z");

	@ParameterizedTest
	@CsvSource(nullValues = "-",
			value = { "tok_approve, APPROVED, -", "tok_slow, APPROVED, -", "tok_decline, DECLINED, CARD_DECLINED",
					"tok_insufficient_funds, DECLINED, INSUFFICIENT_FUNDS", "tok_fraud, DECLINED, SUSPECTED_FRAUD" })
	void chargesWithTheOutcomeOfItsToken(String token, PaymentStatus status, DeclineReason reason) {
		Payment payment = TestToken.of(token).charge("order-1", new BigDecimal("10.00"), "EUR", AT);

		assertThat(payment.getStatus()).isEqualTo(status);
		assertThat(payment.getDeclineReason()).isEqualTo(reason);
	}

	@Test
	void makesOnlyTheSlowTokenWait() {
		assertThat(TestToken.of("tok_slow").isSlow()).isTrue();
		assertThat(TestToken.of("tok_approve").isSlow()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tok_unknown", "tok_approve_", "tok_visa" })
	void refusesAWellFormedTokenItDoesNotKnow(String token) {
		assertThat(token).matches(TestToken.FORMAT);
		assertThatExceptionOfType(UnknownTokenException.class).isThrownBy(() -> TestToken.of(token))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(422));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tok_approve", "tok_a", "tok_0_9" })
	void acceptsTheFormOfATestToken(String token) {
		assertThat(token).matches(TestToken.FORMAT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tok_", "TOK_APPROVE", "tok_Approve", "tok-approve", "approve", " tok_approve",
			"tok_approve\n" })
	void refusesWhatIsNotOfTheFormOfAToken(String token) {
		assertThat(token).doesNotMatch(TestToken.FORMAT);
	}

	@Test
	void refusesATokenOfMoreThanSixtyCharactersAfterItsPrefix() {
		assertThat("tok_" + "a".repeat(60)).matches(TestToken.FORMAT);
		assertThat("tok_" + "a".repeat(61)).doesNotMatch(TestToken.FORMAT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "378282246310005",
			"5555 5555 5555 4444 ", "card 4111111111111111 exp 12/30", "tok_4111111111111111", "601111111111",
			"4111111111111111111", "4111 - 1111 - 1111 - 1111",
			"\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11" + "\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11" })
	void recognizesACardNumber(String text) {
		assertThat(TestToken.holdsACardNumber(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tok_approve", "tok_insufficient_funds", "41111111111", "4111 1111 111",
			"tok_order_2024_11_22", "12345-678-90" })
	void doesNotTakeOtherTextForACardNumber(String text) {
		assertThat(TestToken.holdsACardNumber(text)).isFalse();
	}

}
