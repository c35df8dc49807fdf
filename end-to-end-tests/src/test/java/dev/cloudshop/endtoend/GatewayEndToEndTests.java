package dev.cloudshop.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cloudshop.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edge of the running suite: every route, discovery and load balancing, a service
 * going down and coming back, and the bad input the gateway itself refuses.
 */
class GatewayEndToEndTests {

	static LocalStack stack;

	static Gateway gateway;

	@BeforeAll
	static void startSuite() {
		stack = RunningSuite.get();
		gateway = new Gateway(stack.gatewayUrl());
	}

	@Test
	void everyRouteReachesItsService() {
		assertThat(gateway.get("/api/products?size=3").json().get("content")).hasSize(3);
		assertThat(gateway.get("/api/orders?customerId=nobody").json().isArray()).isTrue();
		assertThat(gateway.get("/api/notifications?orderId=none").json().isArray()).isTrue();
		assertThat(gateway.get("/api/images?owner=nobody").json().isArray()).isTrue();
		// No payment exists yet: payment-service itself answers 404, not the gateway 503.
		Gateway.Response payment = gateway.get("/api/payments?orderId=none");
		assertThat(payment.status()).isEqualTo(404);
		assertThat(payment.json().get("title").asString()).isEqualTo("Unknown payment");
	}

	@Test
	void registersEveryServiceInEurekaWithBothInventoryInstances() {
		Gateway eureka = new Gateway(stack.eurekaUrl());
		String apps = eureka.get("/eureka/apps", Map.of("Accept", "application/json")).body();
		for (String name : List.of("GATEWAY-SERVICE", "ORDER-SERVICE", "INVENTORY-SERVICE", "PAYMENT-SERVICE",
				"NOTIFICATION-SERVICE", "IMAGE-SERVICE")) {
			assertThat(apps).contains("\"name\":\"" + name + "\"");
		}
		assertThat(apps)
			.contains("inventory-service:" + stack.instanceUrl("inventory-service", 0).replaceAll(".*:", ""))
			.contains("inventory-service:" + stack.instanceUrl("inventory-service", 1).replaceAll(".*:", ""));
	}

	@Test
	void spreadsRequestsOverBothInventoryInstances() {
		double firstBefore = productRequestsServedBy(0);
		double secondBefore = productRequestsServedBy(1);
		for (int i = 0; i < 20; i++) {
			assertThat(gateway.get("/api/products?size=1").status()).isEqualTo(200);
		}
		double first = productRequestsServedBy(0) - firstBefore;
		double second = productRequestsServedBy(1) - secondBefore;
		assertThat(first + second).isEqualTo(20);
		assertThat(first).as("requests served by the first instance").isGreaterThanOrEqualTo(5);
		assertThat(second).as("requests served by the second instance").isGreaterThanOrEqualTo(5);
	}

	private static double productRequestsServedBy(int instance) {
		String metrics = new Gateway(stack.instanceUrl("inventory-service", instance)).get("/actuator/prometheus")
			.body();
		Matcher matcher = Pattern
			.compile("http_server_requests_seconds_count\\{[^}]*uri=\"/api/products\"[^}]*\\} ([0-9.E]+)")
			.matcher(metrics);
		double total = 0;
		while (matcher.find()) {
			total += Double.parseDouble(matcher.group(1));
		}
		return total;
	}

	@Test
	void echoesTheRequestIdAndEveryServiceItReachesLogsIt() {
		String requestId = "e2e-" + UUID.randomUUID();
		Gateway.Response response = gateway.get("/api/orders?customerId=log-check", Map.of("X-Request-Id", requestId));
		assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(log("gateway-service")).contains(requestId);
			assertThat(log("order-service")).contains(requestId);
		});
	}

	@Test
	void generatesARequestIdWhenTheClientSendsNone() {
		Gateway.Response response = gateway.get("/api/products?size=1");
		assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

	@Test
	void propagatesTheW3cTraceContextToTheService() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		gateway.get("/api/notifications?orderId=trace-check",
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(log("notification-service")).contains(traceId));
	}

	@Test
	void answersAnUnknownRouteWithANotFoundProblem() {
		Gateway.Response response = gateway.get("/api/unknown-things");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("instance").asString()).isEqualTo("/api/unknown-things");
	}

	@Test
	void refusesAnOversizedBodyWithAPayloadTooLargeProblem() {
		Gateway.Response response = gateway.post("/api/orders", "application/json", new byte[2 * 1024 * 1024]);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.cloudshop");
	}

	@Test
	void neverExposesAServiceActuatorThroughTheGateway() {
		for (String path : List.of("/actuator/env", "/api/products/../../actuator/env",
				"/api/products/%2e%2e/%2e%2e/actuator/health", "/api/orders/..%2F..%2Factuator/prometheus")) {
			Gateway.Response response = gateway.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("jvm_").doesNotContain("propertySources");
		}
	}

	@Test
	void answersAStoppedServiceWithAFastServiceUnavailableProblemAndRecovers() {
		stack.stopService("payment-service");
		try {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Gateway.Response response = gateway.get("/api/payments?orderId=while-down");
				assertThat(response.status()).isEqualTo(503);
				assertThat(response.contentType()).isEqualTo("application/problem+json");
				assertThat(response.json().get("service").asString()).isEqualTo("payment-service");
				// No hang: well inside the gateway's own time budget for a call.
				assertThat(response.took()).isLessThan(Duration.ofSeconds(5));
			});
		}
		finally {
			stack.startService("payment-service");
		}
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(
					() -> assertThat(gateway.get("/api/payments?orderId=after-restart").status()).isEqualTo(404));
	}

	private static String log(String service) throws IOException {
		Path file = Path.of(System.getProperty("suite.workdir", "target/stack"), "logs", service + ".log");
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	@Test
	void publishesThePublicApiOfEachServiceThroughTheGateway() {
		assertThat(gateway.get("/openapi/order-service").json().get("paths").has("/api/orders")).isTrue();
		assertThat(gateway.get("/openapi/inventory-service").json().get("paths").has("/api/products")).isTrue();
		assertThat(gateway.get("/openapi/inventory-service").json().get("paths").has("/api/reservations"))
			.as("internal endpoints stay out of the public document")
			.isFalse();
		assertThat(gateway.get("/openapi/payment-service").json().get("paths").has("/api/payments")).isTrue();
		assertThat(gateway.get("/swagger-ui.html").status()).isIn(200, 302);
	}

	@Test
	void answersMalformedJsonToAnyServiceWithABadRequestProblem() {
		byte[] malformed = "{\"orderId\": \"o-1\", \"lines\": [".getBytes();
		for (String url : List.of(stack.instanceUrl("inventory-service", 0) + "/api/reservations",
				stack.instanceUrl("payment-service", 0) + "/api/payments",
				stack.instanceUrl("inventory-service", 0) + "/admin/products")) {
			Gateway.Response response = new Gateway(url).post("", "application/json", malformed);
			assertThat(response.status()).as(url).isEqualTo(400);
			assertThat(response.contentType()).as(url).isEqualTo("application/problem+json");
			assertThat(response.body()).as(url).doesNotContain("Exception").doesNotContain("at dev.cloudshop");
		}
		Gateway.Response order = gateway.post("/api/orders", "application/json", malformed,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(order.status()).isEqualTo(400);
		assertThat(order.contentType()).isEqualTo("application/problem+json");
	}

}
