package dev.cloudshop.payment.payment;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import dev.cloudshop.payment.PaymentServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.payment.payment.PaymentRequests.uniqueOrderId;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad charge gets its 4xx problem and leaves the payments as they were.
 */
@PaymentServiceTest
class RefusedChargeIntegrationTests {

	private static final String VALID = """
			{"orderId": "%s", "amount": 49.90, "currency": "EUR", "paymentToken": "tok_approve"}""";

	private static final String ORDER_ID = "\"orderId\": \"%s\"";

	@RegisterExtension
	final PaymentRequests requests = new PaymentRequests();

	@Autowired
	RestTestClient client;

	static Stream<Arguments> badCharges() {
		return Stream.of(
				// name, body, slug, field (or null), a rejected value the answer must not
				// repeat
				arguments("missing amount", charge("\"amount\": 49.90, ", ""), "validation-failed", "amount", null),
				arguments("null currency", charge("\"EUR\"", "null"), "validation-failed", "currency", null),
				arguments("missing token", charge(", \"paymentToken\": \"tok_approve\"", ""), "validation-failed",
						"paymentToken", null),
				arguments("extra field", charge("\"EUR\"", "\"EUR\", \"tip\": 5"), "malformed-request", "tip", null),
				arguments("amount not a number", charge("49.90", "\"abc\""), "malformed-request", "amount", "abc"),
				arguments("amount an object", charge("49.90", "{\"value\": 49.90}"), "malformed-request", "amount",
						null),
				arguments("amount an array", charge("49.90", "[49.90]"), "malformed-request", "amount", null),
				arguments("amount a boolean", charge("49.90", "true"), "malformed-request", "amount", null),
				arguments("order id a number", charge(ORDER_ID, "\"orderId\": 12345"), "malformed-request", "orderId",
						"12345"),
				arguments("currency a number", charge("\"EUR\"", "978"), "malformed-request", "currency", "978"),
				arguments("negative amount", charge("49.90", "-10.00"), "validation-failed", "amount", "-10"),
				arguments("zero amount", charge("49.90", "0"), "validation-failed", "amount", null),
				arguments("amount over the cap", charge("49.90", "1000000.01"), "validation-failed", "amount",
						"1000000.01"),
				arguments("huge amount", charge("49.90", "1e400"), "validation-failed", "amount", "1e400"),
				arguments("EUR with three decimals", charge("49.90", "1.001"), "validation-failed", "amount", "1.001"),
				arguments("JPY with decimals", charge("49.90, \"currency\": \"EUR\"", "1500.5, \"currency\": \"JPY\""),
						"validation-failed", "amount", "1500.5"),
				arguments("KWD with four decimals",
						charge("49.90, \"currency\": \"EUR\"", "1.0001, \"currency\": \"KWD\""), "validation-failed",
						"amount", "1.0001"),
				arguments("unknown currency", charge("\"EUR\"", "\"XXY\""), "validation-failed", "currency", "XXY"),
				arguments("lower-case currency", charge("\"EUR\"", "\"eur\""), "validation-failed", "currency", "eur"),
				arguments("gold as currency", charge("\"EUR\"", "\"XAU\""), "validation-failed", "currency", "XAU"),
				arguments("empty order id", charge(ORDER_ID, "\"orderId\": \"\""), "validation-failed", "orderId",
						null),
				arguments("order id too long", charge(ORDER_ID, "\"orderId\": \"" + "a".repeat(65) + "\""),
						"validation-failed", "orderId", "aaaaaaaaaa"),
				arguments("order id with other characters", charge(ORDER_ID, "\"orderId\": \"order/1;drop\""),
						"validation-failed", "orderId", "drop"),
				arguments("token of the wrong form", charge("\"tok_approve\"", "\"approve-me\""), "validation-failed",
						"paymentToken", "approve-me"),
				arguments("token a number", charge("\"tok_approve\"", "42"), "malformed-request", "paymentToken", null),
				arguments("truncated JSON", charge("\"tok_approve\"}", "\"tok_appr"), "malformed-request", null, null),
				arguments("not JSON", "paymentToken=tok_approve", "malformed-request", null, "tok_approve"),
				arguments("a JSON array", "[]", "malformed-request", null, null),
				arguments("trailing content", charge("\"tok_approve\"}", "\"tok_approve\"} {}"), "malformed-request",
						null, null),
				arguments("a duplicated field", charge("\"EUR\"", "\"EUR\", \"currency\": \"USD\""),
						"malformed-request", null, null),
				arguments("an empty body", "", "malformed-request", null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badCharges")
	void refusesABadChargeAndStoresNothing(String name, String body, String slug, String field, String rejected) {
		int before = this.requests.payments();

		assertThatProblem(this.requests.charge(body)).hasStatus(400)
			.hasType(slug)
			.hasInstance("/api/payments")
			.hasMember("field", field)
			.satisfies((problem) -> {
				assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
				if (rejected != null) {
					// The trace id is random hex: it may hold any short run of digits.
					ObjectNode withoutTraceId = (ObjectNode) problem.deepCopy();
					withoutTraceId.remove("traceId");
					assertThat(withoutTraceId.toString()).doesNotContain(rejected);
				}
			});
		assertThat(this.requests.payments()).isEqualTo(before);
	}

	@Test
	void namesEveryMissingField() {
		assertThatProblem(this.requests.charge("{}")).hasStatus(400)
			.hasType("validation-failed")
			.hasNoField()
			.hasErrorsFor("amount", "currency", "orderId", "paymentToken")
			.satisfies((problem) -> assertThat(problem.path("errors").findValuesAsString("message"))
				.containsOnly("is required"));
	}

	@Test
	void refusesAChargeOfAnotherMediaType() {
		int before = this.requests.payments();

		assertThatProblem(this.client.post()
			.uri("/api/payments")
			.contentType(MediaType.TEXT_PLAIN)
			.body(VALID.formatted(uniqueOrderId()))
			.exchange()).hasStatus(415).hasType("unsupported-media-type");
		assertThat(this.requests.payments()).isEqualTo(before);
	}

	// A valid charge of a new order, with one piece of it replaced.
	private static String charge(String replaced, String replacement) {
		assertThat(VALID).contains(replaced);
		return VALID.replace(replaced, replacement).formatted(uniqueOrderId());
	}

}
