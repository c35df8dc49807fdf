package dev.cloudshop.payment.payment;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudshop.payment.PaymentServiceTest;
import dev.cloudshop.testinfra.ProblemAssert;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.cloudshop.payment.payment.PaymentRequests.uniqueOrderId;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
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

	@RegisterExtension
	final PaymentRequests requests = new PaymentRequests();

	@ParameterizedTest
	@ValueSource(strings = { "\"4111111111111111\"", "\"4111 1111 1111 1111\"", "\"4111-1111-1111-1111\"",
			"4111111111111111", "\"tok_4111111111111111\"" })
	void refusesACardNumberAsToken(String token, CapturedOutput output) {
		int before = this.requests.payments();

		assertThatRefusedCharge("""
				{"orderId": "%s", "amount": 49.90, "currency": "EUR", "paymentToken": %s}
				""".formatted(uniqueOrderId(), token)).hasType("card-number-refused")
			.hasTitle("Card number refused")
			.hasField("paymentToken");
		assertThat(output).contains("Refused a card number sent as a payment token").doesNotContain(CARD_NUMBER_FORMS);
		assertThat(this.requests.payments()).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "\"orderId\": \"not an order id\", \"amount\": 1, \"currency\": \"EUR\"|card-number-refused",
					"\"orderId\": \"order-1\", \"amount\": 1, \"currency\": \"XXY\"|card-number-refused",
					"\"orderId\": \"order-1\", \"amount\": 1.001, \"currency\": \"EUR\"|card-number-refused",
					"\"orderId\": \"order-1\", \"amount\": \"abc\", \"currency\": \"EUR\"|malformed-request" })
	void repeatsTheCardNumberNowhereWhateverElseIsWrong(String otherFields, String slug, CapturedOutput output) {
		int before = this.requests.payments();

		assertThatRefusedCharge("{" + otherFields + ", \"paymentToken\": \"4111 1111 1111 1111\"}").hasType(slug);
		assertThat(output).doesNotContain(CARD_NUMBER_FORMS);
		assertThat(this.requests.payments()).isEqualTo(before);
	}

	// The 400 problem a charge gets, which shows no form of the card number
	private ProblemAssert assertThatRefusedCharge(String body) {
		return assertThatProblem(this.requests.charge(body)).hasStatus(400)
			.satisfies((problem) -> assertThat(problem.toString()).doesNotContain(CARD_NUMBER_FORMS));
	}

}
