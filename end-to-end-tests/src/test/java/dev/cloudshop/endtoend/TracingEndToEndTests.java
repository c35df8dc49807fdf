package dev.cloudshop.endtoend;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One order, one trace: the spans of every service it passes through reach the stack's
 * Zipkin server under the trace the client started, and Zipkin's dependency view draws
 * the calls between them.
 */
class TracingEndToEndTests {

	private static final SecureRandom random = new SecureRandom();

	static LocalStack stack;

	static Gateway gateway;

	static Gateway zipkin;

	@BeforeAll
	static void startSuite() {
		stack = RunningSuite.get();
		gateway = new Gateway(stack.gatewayUrl());
		zipkin = new Gateway(stack.zipkinUrl());
	}

	@Test
	void recordsAnOrderAsOneTraceFromTheGatewayToTheEmail() {
		String traceId = hex(16);
		String email = "traced-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		Gateway.Response placed = gateway.postJson("/api/orders",
				Map.of("customerId", "e2e-traced", "email", email, "lines",
						List.of(Map.of("sku", "KB-0001", "quantity", 1)), "paymentToken", "tok_approve"),
				Map.of("Idempotency-Key", UUID.randomUUID().toString(), "traceparent",
						"00-" + traceId + "-" + hex(8) + "-01"));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Gateway.Response trace = zipkin.get("/api/v2/trace/" + traceId);
			assertThat(trace.status()).as("the trace in Zipkin").isEqualTo(200);
			Set<String> services = new HashSet<>();
			Set<String> names = new HashSet<>();
			for (JsonNode span : trace.json()) {
				services.add(span.path("localEndpoint").path("serviceName").asString());
				names.add(span.path("name").asString());
			}
			assertThat(services).as("the services of the trace")
				.contains("gateway-service", "order-service", "inventory-service", "payment-service",
						"notification-service");
			// The broker hop (order-service's relay sending the order's event,
			// notification-service consuming it) and the email's delivery to the SMTP
			// server are in the trace too.
			assertThat(names).as("the spans of the trace")
				.contains("http post /api/orders", "http post /api/reservations", "http post /api/payments",
						"order-event relay", "order-events send", "order-events process")
				.anyMatch((name) -> name.startsWith("email "));
		});
	}

	@Test
	void drawsTheCallsBetweenTheServices() {
		recordsAnOrderAsOneTraceFromTheGatewayToTheEmail();

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			JsonNode links = zipkin
				.get("/api/v2/dependencies?endTs=" + System.currentTimeMillis() + "&lookback=3600000")
				.json();
			Set<String> calls = new HashSet<>();
			for (JsonNode link : links) {
				calls.add(link.path("parent").asString() + " -> " + link.path("child").asString());
			}
			assertThat(calls).contains("gateway-service -> order-service", "order-service -> inventory-service",
					"order-service -> payment-service");
		});
	}

	private static String hex(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

}
