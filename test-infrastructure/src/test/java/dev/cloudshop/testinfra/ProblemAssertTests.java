package dev.cloudshop.testinfra;

import org.junit.jupiter.api.Test;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProblemAssertTests {

	private static final String PROBLEM = """
			{"type": "https://cloudshop.dev/problems/validation-failed", "title": "Invalid request",
			 "status": 400, "detail": "orderId is required", "instance": "/api/payments", "field": "orderId",
			 "errors": [{"field": "orderId", "message": "is required"}], "traceId": "4bf92f3577b34da6"}""";

	@Test
	void passesAProblemOfTheContract() {
		ProblemAssert.of(400, "application/problem+json", PROBLEM)
			.hasStatus(400)
			.hasType("validation-failed")
			.hasTitle("Invalid request")
			.hasField("orderId")
			.hasErrorsFor("orderId")
			.hasInstance("/api/payments")
			.hasTraceId()
			.doesNotMention("4111")
			.doesNotMention("/api/payments");
	}

	@Test
	void failsAnotherTypeOrField() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatProblem(PROBLEM).hasType("malformed-request"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatProblem(PROBLEM).hasField("amount"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatProblem(PROBLEM).hasNoField());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatProblem(PROBLEM).doesNotMention("orderId is required"));
	}

	@Test
	void failsAnAnswerThatIsNotProblemJson() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ProblemAssert.of(400, "application/json", PROBLEM));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ProblemAssert.of(500, "application/problem+json", PROBLEM));
	}

	@Test
	void failsAProblemWithoutATitleOrADetail() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatProblem("""
				{"type": "https://cloudshop.dev/problems/not-found", "status": 404, "title": "Not found"}"""));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatProblem("""
				{"type": "about:blank", "status": 404, "title": "Not found", "detail": "Nothing is at this path"}"""));
	}

	@Test
	void failsAProblemThatNamesAnExceptionOrHoldsAStackTrace() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatProblem(
				"""
						{"type": "https://cloudshop.dev/problems/internal-error", "status": 500, "title": "Internal error", "detail": "java.lang.IllegalStateException: boom"}"""));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatProblem(
				"""
						{"type": "https://cloudshop.dev/problems/internal-error", "status": 500, "title": "Internal error", "detail": "at dev.cloudshop.Foo.bar(Foo.java:12)"}"""));
	}

}
