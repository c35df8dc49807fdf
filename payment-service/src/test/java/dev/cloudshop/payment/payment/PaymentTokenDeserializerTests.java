package dev.cloudshop.payment.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class PaymentTokenDeserializerTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void readsAToken() {
		ChargeRequest request = read("\"tok_approve\"");

		assertThat(request.paymentToken()).isEqualTo("tok_approve");
	}

	@Test
	void leavesAMissingTokenToValidation() {
		assertThat(read("null").paymentToken()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"4111111111111111\"", "\"4111 1111 1111 1111\"", "\"4111-1111-1111-1111\"",
			"4111111111111111" })
	void refusesACardNumberAsToken(String token) {
		Throwable thrown = catchThrowable(() -> read(token));

		assertThat(thrown).hasRootCauseInstanceOf(CardNumberRefusedException.class);
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain("4111", "1111");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "42", "true", "{\"number\": \"x\"}", "[\"tok_approve\"]" })
	void refusesATokenThatIsNotAString(String token) {
		assertThatExceptionOfType(MismatchedInputException.class).isThrownBy(() -> read(token));
	}

	private ChargeRequest read(String token) {
		return this.mapper.readValue("""
				{"orderId": "order-1", "amount": 10, "currency": "EUR", "paymentToken": %s}
				""".formatted(token), ChargeRequest.class);
	}

}
