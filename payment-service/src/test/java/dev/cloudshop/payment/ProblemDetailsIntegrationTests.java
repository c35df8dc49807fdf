package dev.cloudshop.payment;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PaymentServiceTest
class ProblemDetailsIntegrationTests {

	private static final int LIMIT = 16 * 1024;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper jsonMapper;

	@LocalServerPort
	int port;

	@Test
	void answersAnUnknownPathWithANotFoundProblem() {
		assertThatProblem(this.client.get().uri("/api/nothing-here").exchange()).hasStatus(404)
			.hasType("not-found")
			.hasInstance("/api/nothing-here")
			.hasTraceId();
	}

	@Test
	void answersAnUnsupportedMethodWithAProblem() {
		assertThatProblem(this.client.delete().uri("/api/payments").exchange()).hasStatus(405)
			.hasType("method-not-allowed")
			.doesNotMention("DELETE");
	}

	@Test
	void answersAMissingOrderIdWithAValidationProblemOfThatField() {
		assertThatProblem(this.client.get().uri("/api/payments").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasField("orderId")
			.hasInstance("/api/payments");
	}

	@Test
	void carriesTheRequestIdOfTheGateway() {
		assertThatProblem(this.client.get().uri("/api/payments").header("X-Request-Id", "req-7").exchange())
			.hasMember("requestId", "req-7");
	}

	@Test
	void carriesTheTraceIdOfTheRequest() {
		String traceId = UUID.randomUUID().toString().replace("-", "");

		assertThatProblem(this.client.get()
			.uri("/api/payments")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.exchange()).hasStatus(400).hasMember("traceId", traceId);
	}

	@Test
	void refusesABodyOverTheLimitByItsLength() {
		int before = payments();

		assertThatProblem(this.client.post()
			.uri("/api/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(charge(UUID.randomUUID().toString(), LIMIT + 1))
			.exchange()).hasStatus(413)
			.hasType("payload-too-large")
			.hasDetail("The request body is larger than the 16 KB this service accepts")
			.hasInstance("/api/payments")
			.hasTraceId();
		assertThat(payments()).isEqualTo(before);
	}

	@Test
	void refusesAChunkedBodyOverTheLimit() throws Exception {
		int before = payments();
		byte[] body = charge(UUID.randomUUID().toString(), 4 * LIMIT).getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = postWithoutLength(body);

		assertThatProblem(response).hasStatus(413).hasType("payload-too-large");
		assertThat(payments()).isEqualTo(before);
	}

	@Test
	void takesABodyJustUnderTheLimitWithOrWithoutLength() throws Exception {
		this.client.post()
			.uri("/api/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(charge(UUID.randomUUID().toString(), LIMIT))
			.exchange()
			.expectStatus()
			.isCreated();

		HttpResponse<String> response = postWithoutLength(
				charge(UUID.randomUUID().toString(), LIMIT).getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(201);
	}

	@Test
	void readsJsonStrictly() {
		assertThatExceptionOfType(UnrecognizedPropertyException.class)
			.isThrownBy(() -> this.jsonMapper.readValue("{\"count\": 1, \"extra\": 2}", Counted.class));
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.jsonMapper.readValue("{\"count\": 1.5}", Counted.class));
		assertThat(this.jsonMapper.readValue("{\"count\": 2}", Counted.class)).isEqualTo(new Counted(2));
	}

	private HttpResponse<String> postWithoutLength(byte[] body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/payments"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());
	}

	// A valid charge padded with white space to exactly the size asked for.
	private static String charge(String orderId, int size) {
		String charge = """
				{"orderId": "%s", "amount": 10.00, "currency": "EUR", "paymentToken": "tok_approve"}"""
			.formatted(orderId);
		return charge.substring(0, charge.length() - 1) + " ".repeat(size - charge.length()) + "}";
	}

	private int payments() {
		return this.jdbc.queryForObject("select count(*) from payment", Integer.class);
	}

	record Counted(int count) {
	}

}
