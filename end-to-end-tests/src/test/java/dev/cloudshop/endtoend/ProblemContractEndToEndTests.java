package dev.cloudshop.endtoend;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cloudshop.testinfra.ProblemAssert;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The same bad input against every service's public routes through the gateway, each
 * answered with a problem of the suite's one contract: {@code application/problem+json},
 * a stable type, title, status, detail, the request path as {@code instance}, the field
 * at fault where there is one, the trace and request ids, and no exception or stack
 * trace.
 */
class ProblemContractEndToEndTests {

	private static final String ORDER = """
			{"customerId": "contract-check", "email": "ada@example.com",
			 "lines": [{"sku": "KB-0001", "quantity": 1}], "paymentToken": "tok_approve"%s}""";

	static Gateway gateway;

	@BeforeAll
	static void startSuite() {
		gateway = new Gateway(RunningSuite.get().gatewayUrl());
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				// Malformed JSON
				arguments(post("/api/orders", "application/json", "{\"customerId\": \"c-1\", \"lines\": ["), 400,
						"malformed-request", null),
				// A field the request does not have
				arguments(post("/api/orders", "application/json", ORDER.formatted(", \"discount\": 100")), 400,
						"malformed-request", "discount"),
				// A field, a query parameter or a path segment of the wrong type
				arguments(
						post("/api/orders", "application/json",
								ORDER.formatted("").replace("\"quantity\": 1", "\"quantity\": \"lots\"")),
						400, "malformed-request", "lines[0].quantity"),
				arguments(get("/api/orders/not-a-uuid"), 400, "validation-failed", "id"),
				arguments(get("/api/products?page=first"), 400, "validation-failed", "page"),
				arguments(get("/api/payments/not-a-uuid"), 400, "validation-failed", "paymentId"),
				arguments(get("/api/images/not-a-uuid"), 400, "validation-failed", "id"),
				// A required query parameter missing
				arguments(get("/api/orders"), 400, "validation-failed", "customerId"),
				arguments(get("/api/payments"), 400, "validation-failed", "orderId"),
				arguments(get("/api/notifications"), 400, "validation-failed", "orderId"),
				arguments(get("/api/images"), 400, "validation-failed", "owner"),
				// A path nothing is at, inside each service's routes
				arguments(get("/api/orders/" + UUID.randomUUID() + "/lines/1"), 404, "not-found", null),
				arguments(get("/api/products/KB-0001/reviews/1"), 404, "not-found", null),
				arguments(get("/api/payments/" + UUID.randomUUID() + "/receipt/1"), 404, "not-found", null),
				arguments(get("/api/notifications/1/2/3"), 404, "not-found", null),
				arguments(get("/api/images/" + UUID.randomUUID() + "/thumbnail/1"), 404, "not-found", null),
				// A method the path does not take (the payments route takes only GET: no
				// route)
				arguments(request("DELETE", "/api/orders", null, null), 405, "method-not-allowed", null),
				arguments(request("DELETE", "/api/products", null, null), 405, "method-not-allowed", null),
				arguments(request("DELETE", "/api/notifications", null, null), 405, "method-not-allowed", null),
				arguments(request("PUT", "/api/images", null, null), 405, "method-not-allowed", null),
				arguments(request("DELETE", "/api/payments", null, null), 404, "not-found", null),
				// A body of a media type the path does not take
				arguments(post("/api/orders", "text/plain", "customerId=c-1"), 415, "unsupported-media-type", null),
				arguments(post("/api/images", "application/json", "{\"owner\": \"product-KB-0001\"}"), 415,
						"unsupported-media-type", null),
				// A body over the service's limit (16 KB), and over the gateway's (1 MB)
				arguments(
						post("/api/orders", "application/json",
								ORDER.formatted(", \"note\": \"%s\"").formatted("x".repeat(20 * 1024))),
						413, "payload-too-large", null),
				arguments(post("/api/orders", "application/json", " ".repeat(2 * 1024 * 1024)), 413,
						"payload-too-large", null));
	}

	// ProblemAssert.of also checks the content type, the type, title, status and detail,
	// and that no exception or stack trace is in the body.
	@ParameterizedTest(name = "{0} -> {1} {2}")
	@MethodSource("badRequests")
	void answersWithTheSameProblemShape(BadRequest request, int status, String type, String field) {
		Gateway.Response response = request.sendTo(gateway);

		ProblemAssert problem = ProblemAssert.of(response.status(), response.contentType(), response.body())
			.hasStatus(status)
			.hasType(type)
			.hasInstance(request.path())
			.hasTraceId()
			.hasMember("requestId", response.header("X-Request-Id"));
		if (field != null) {
			problem.hasField(field);
		}
		else {
			problem.hasNoField();
		}
	}

	private static BadRequest get(String uri) {
		return request("GET", uri, null, null);
	}

	private static BadRequest post(String uri, String contentType, String body) {
		return request("POST", uri, contentType, body);
	}

	private static BadRequest request(String method, String uri, String contentType, String body) {
		return new BadRequest(method, uri, contentType, (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null);
	}

	/**
	 * One request, sent with a new Idempotency-Key so that order-service gets as far as
	 * reading it.
	 */
	record BadRequest(String method, String uri, String contentType, byte[] body) {

		Gateway.Response sendTo(Gateway gateway) {
			return gateway.send(this.method, this.uri, this.contentType, this.body,
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		}

		String path() {
			int query = this.uri.indexOf('?');
			return (query < 0) ? this.uri : this.uri.substring(0, query);
		}

		@Override
		public String toString() {
			return this.method + " " + this.uri + ((this.contentType != null) ? " (" + this.contentType + ")" : "");
		}

	}

}
