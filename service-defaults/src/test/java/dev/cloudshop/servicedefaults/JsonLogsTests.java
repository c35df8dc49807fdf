package dev.cloudshop.servicedefaults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudshop.servicedefaults.sample.SampleService;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON logs, as {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=logstash} turns them on (the
 * README's "Searching logs by transaction id"): each line one JSON object whose
 * {@code traceId} and {@code requestId} fields name the request's trace and the gateway's
 * request id, so that one transaction's lines are found with {@code jq}.
 */
@SpringBootTest(classes = SampleService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "logging.structured.format.console=logstash")
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void writesEachLineAsJsonWithTheTraceIdAndTheRequestId(CapturedOutput output) throws Exception {
		String requestId = UUID.randomUUID().toString();

		assertThat(get("/failure", requestId).statusCode()).isEqualTo(500);

		// Logged before the answer went out.
		List<JsonNode> lines = linesWith(output, requestId);
		assertThat(lines).isNotEmpty();
		JsonNode line = lines.get(0);
		assertThat(line.path("message").asString()).isEqualTo("Unexpected failure");
		assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
		assertThat(line.path("requestId").asString()).isEqualTo(requestId);
		assertThat(line.has("X-Request-Id")).isFalse();
	}

	private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Request-Id", requestId)
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	// The JSON lines that name the request id; the access log, Tomcat's, stays text.
	private List<JsonNode> linesWith(CapturedOutput output, String requestId) {
		return output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains(requestId))
			.map(this.json::readTree)
			.toList();
	}

}
