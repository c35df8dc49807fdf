package dev.cloudshop.payment.payment;

import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A card number is refused, stored nowhere, and shown neither in the answer nor in the
 * service's log.
 */
@PaymentServiceTest
@ExtendWith(OutputCaptureExtension.class)
class CardNumberIntegrationTests {

	// Every way the card number of these tests could be written out.
	private static final String[] CARD_NUMBER_FORMS = { "4111111111111111", "4111 1111 1111 1111",
			"4111-1111-1111-1111", "111111111111" };

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "\"4111111111111111\"", "\"4111 1111 1111 1111\"", "\"4111-1111-1111-1111\"",
			"4111111111111111", "\"tok_4111111111111111\"" })
	void refusesACardNumberAsToken(String token, CapturedOutput output) {
		int before = payments();

		String problem = charge("""
				{"orderId": "%s", "amount": 49.90, "currency": "EUR", "paymentToken": %s}
				""".formatted(UUID.randomUUID(), token));

		assertThat(problem).contains("\"type\":\"https://cloudshop.dev/problems/card-number-refused\"")
			.contains("\"title\":\"Card number refused\"")
			.contains("\"field\":\"paymentToken\"")
			.doesNotContain(CARD_NUMBER_FORMS);
		assertThat(output).contains("Refused a card number sent as a payment token").doesNotContain(CARD_NUMBER_FORMS);
		assertThat(payments()).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "\"orderId\": \"not an order id\", \"amount\": 1, \"currency\": \"EUR\"|card-number-refused",
					"\"orderId\": \"order-1\", \"amount\": 1, \"currency\": \"XXY\"|card-number-refused",
					"\"orderId\": \"order-1\", \"amount\": 1.001, \"currency\": \"EUR\"|card-number-refused",
					"\"orderId\": \"order-1\", \"amount\": \"abc\", \"currency\": \"EUR\"|malformed-request" })
	void repeatsTheCardNumberNowhereWhateverElseIsWrong(String otherFields, String slug, CapturedOutput output) {
		int before = payments();

		String problem = charge("{" + otherFields + ", \"paymentToken\": \"4111 1111 1111 1111\"}");

		assertThat(problem).contains("https://cloudshop.dev/problems/" + slug).doesNotContain(CARD_NUMBER_FORMS);
		assertThat(output).doesNotContain(CARD_NUMBER_FORMS);
		assertThat(payments()).isEqualTo(before);
	}

	private String charge(String body) {
		return this.client.post()
			.uri("/api/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private int payments() {
		return this.jdbc.queryForObject("select count(*) from payment", Integer.class);
	}

}
