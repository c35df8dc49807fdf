package dev.cloudshop.servicedefaults.problem;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.servicedefaults.sample.SampleService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each error the framework raises, answered in the suite's contract.
 */
@SpringBootTest(classes = SampleService.class)
@AutoConfigureMockMvc
class ProblemHandlerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void answersAMissingQueryParameterAsAValidationFailureOfThatField() {
		MvcTestResult result = this.mvc.get().uri("/things").exchange();

		assertProblem(result, 400, "validation-failed", "/things");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("page");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("page is required");
	}

	@Test
	void answersAQueryParameterOfTheWrongTypeAsAValidationFailureOfThatField() {
		MvcTestResult result = this.mvc.get().uri("/things?page=two").exchange();

		assertProblem(result, 400, "validation-failed", "/things");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("page");
		assertThat(body(result)).doesNotContain("two");
	}

	@Test
	void answersAPathVariableOfTheWrongTypeAsAValidationFailureOfThatField() {
		MvcTestResult result = this.mvc.get().uri("/things/not-a-uuid").exchange();

		assertProblem(result, 400, "validation-failed", "/things/not-a-uuid");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("id");
	}

	@Test
	void answersJsonThatIsNotJsonAsMalformed() {
		MvcTestResult result = post("{\"name\": ");

		assertProblem(result, 400, "malformed-request", "/things");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
		assertThat(result).bodyJson().doesNotHavePath("$.field");
	}

	@Test
	void namesTheJsonPathOfAFieldOfTheWrongType() {
		MvcTestResult result = post("{\"name\": \"lamp\", \"count\": \"many\"}");

		assertProblem(result, 400, "malformed-request", "/things");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("count");
		assertThat(body(result)).doesNotContain("many");
	}

	@Test
	void namesTheJsonPathOfAnUnknownField() {
		MvcTestResult result = post("{\"name\": \"lamp\", \"count\": 1, \"part\": {\"sku\": \"A\", \"colour\": 1}}");

		assertProblem(result, 400, "malformed-request", "/things");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("part.colour");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The field part.colour is not part of this request");
	}

	@Test
	void namesTheJsonPathOfANumberTooLargeForItsField() {
		MvcTestResult result = post("{\"name\": \"lamp\", \"count\": 2147483648}");

		assertProblem(result, 400, "malformed-request", "/things");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("count");
	}

	@Test
	void refusesAFloatForAnInteger() {
		MvcTestResult result = post("{\"name\": \"lamp\", \"count\": 1.5}");

		assertProblem(result, 400, "malformed-request", "/things");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("count");
	}

	@Test
	void refusesAFieldGivenTwice() {
		MvcTestResult result = post("{\"name\": \"lamp\", \"count\": 1, \"count\": 2}");

		assertProblem(result, 400, "malformed-request", "/things");
	}

	@Test
	void listsEveryInvalidFieldOfABody() {
		MvcTestResult result = post("{\"name\": \" \", \"count\": 0}");

		assertProblem(result, 400, "validation-failed", "/things");
		assertThat(result).bodyJson().doesNotHavePath("$.field");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("count", "name");
	}

	@Test
	void namesTheOnlyInvalidFieldOfABody() {
		MvcTestResult result = post("{\"name\": \"lamp\", \"count\": 0}");

		assertProblem(result, 400, "validation-failed", "/things");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("count");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("must be greater than or equal to 1");
	}

	@Test
	void answersAnUnknownPathWithNotFound() {
		assertProblem(this.mvc.get().uri("/nothing-here").exchange(), 404, "not-found", "/nothing-here");
	}

	@Test
	void answersAServiceProblemWithItsOwnTypeAndPath() {
		UUID id = UUID.randomUUID();
		MvcTestResult result = this.mvc.get().uri("/things/" + id).exchange();

		assertProblem(result, 404, "not-found", "/things/" + id);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Unknown thing");
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(id.toString());
	}

	@Test
	void answersAWrongMethodWithoutRepeatingIt() {
		MvcTestResult result = this.mvc.delete().uri("/things").exchange();

		assertProblem(result, 405, "method-not-allowed", "/things");
		assertThat(result).headers().containsHeader(HttpHeaders.ALLOW);
		assertThat(body(result)).doesNotContain("DELETE");
	}

	@Test
	void answersAnUnsupportedMediaType() {
		MvcTestResult result = this.mvc.post()
			.uri("/things")
			.contentType(MediaType.TEXT_PLAIN)
			.content("name=lamp")
			.exchange();

		assertProblem(result, 415, "unsupported-media-type", "/things");
		assertThat(body(result)).doesNotContain("text/plain");
	}

	@Test
	void answersAnUnacceptableMediaType() {
		MvcTestResult result = this.mvc.get().uri("/first-thing").accept(MediaType.IMAGE_PNG).exchange();

		assertProblem(result, 406, "not-acceptable", "/first-thing");
	}

	@Test
	void answersAnUnexpectedFailureWithoutItsMessageOrStackTrace() {
		MvcTestResult result = this.mvc.get().uri("/failure").exchange();

		assertProblem(result, 500, "internal-error", "/failure");
		assertThat(body(result)).doesNotContain("IllegalStateException")
			// The whole message and card number: the random trace id in the body may hold
			// any four digits.
			.doesNotContain("from secrets")
			.doesNotContain("4111111111111111")
			.doesNotContain("at dev.cloudshop");
	}

	@Test
	void carriesTheTraceIdAndTheRequestIdOfTheRequest() {
		String traceId = UUID.randomUUID().toString().replace("-", "");

		MvcTestResult result = this.mvc.get()
			.uri("/things")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header("X-Request-Id", "req-42")
			.exchange();

		assertThat(result).bodyJson().extractingPath("$.traceId").isEqualTo(traceId);
		assertThat(result).bodyJson().extractingPath("$.requestId").isEqualTo("req-42");
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private MvcTestResult post(String json) {
		return this.mvc.post().uri("/things").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static void assertProblem(MvcTestResult result, int status, String slug, String instance) {
		assertThat(result).hasStatus(status);
		assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://cloudshop.dev/problems/" + slug);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(instance);
		assertThat(result).bodyJson().extractingPath("$.traceId").asString().isNotBlank();
	}

}
