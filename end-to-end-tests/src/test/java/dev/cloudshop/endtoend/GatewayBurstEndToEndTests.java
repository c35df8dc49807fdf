package dev.cloudshop.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cloudshop.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of checkouts on the running suite, far more at once than order-service places:
 * each is either placed or explicitly shed (503 with a Retry-After and an overloaded
 * problem, from the gateway or from order-service), a shed checkout retried with its
 * Idempotency-Key is placed, none fails, and the gateway's orders circuit stays closed.
 */
class GatewayBurstEndToEndTests {

	static final int CHECKOUTS = 200;

	// No other test orders it; its stock is raised for the burst and set back afterwards.
	static final String SKU = "BP-0012";

	static final String OVERLOADED = "https://cloudshop.dev/problems/overloaded";

	static final String CIRCUIT_CLOSED = "resilience4j_circuitbreaker_state\\{[^}]*name=\"order-service\"[^}]*"
			+ "state=\"closed\"[^}]*\\} 1\\.0";

	static LocalStack stack;

	static Gateway gateway;

	static SuiteDatabases databases;

	@BeforeAll
	static void startSuite() {
		stack = RunningSuite.get();
		gateway = new Gateway(stack.gatewayUrl());
		databases = new SuiteDatabases(stack);
	}

	@Test
	void placesOrShedsEveryCheckoutOfABurstAndPlacesEachShedOneOnRetry() throws Exception {
		String email = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		// An earlier test may have stopped order-service: start from a closed circuit.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(gateway.get("/api/orders?customerId=e2e-burst").status()).isEqualTo(200);
			assertThat(gatewayMetrics()).containsPattern(CIRCUIT_CLOSED);
		});
		Map<String, Long> stockBefore = databases.stockOf(SKU);
		String metricsBefore = gatewayMetrics();
		setAvailable(stockBefore.get("available") + CHECKOUTS);
		try {
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < CHECKOUTS; i++) {
				keys.add(UUID.randomUUID().toString());
			}
			List<Gateway.Response> first = placeAtOnce(keys, email);

			Map<String, Long> shed = new LinkedHashMap<>();
			for (int i = 0; i < CHECKOUTS; i++) {
				Gateway.Response response = first.get(i);
				if (isShed(response)) {
					shed.put(keys.get(i), System.nanoTime() + retryAfterNanos(response));
				}
				else {
					assertPlaced(response);
				}
			}
			assertThat(shed).as("checkouts shed by the gateway or by order-service").isNotEmpty();

			List<Gateway.Response> retried = retryUntilPlaced(shed, email, Duration.ofSeconds(30));
			assertThat(retried).hasSameSizeAs(shed.keySet()).allSatisfy(GatewayBurstEndToEndTests::assertPlaced);

			assertThat(databases.count("orders", "select count(*) from orders where email = ?", email))
				.as("one order per Idempotency-Key")
				.isEqualTo(CHECKOUTS);
			assertThat(databases.count("orders", "select count(*) from orders where email = ? and status = 'PROCESSED'",
					email))
				.isEqualTo(CHECKOUTS);
			assertThat(databases.count("orders", "select count(*) from orders where email = ? and status = 'FAILED'",
					email))
				.isZero();
			assertThat(databases.chargesKept()).as("charges kept = processed orders")
				.isEqualTo(databases.processedOrders());
			assertThat(databases.stockOf(SKU)).containsEntry("available", stockBefore.get("available"))
				.containsEntry("reserved", stockBefore.get("reserved"))
				.containsEntry("sold", stockBefore.get("sold") + CHECKOUTS);

			String metricsAfter = gatewayMetrics();
			assertThat(metricsAfter).containsPattern(CIRCUIT_CLOSED);
			assertThat(orderCircuit(metricsAfter, "resilience4j_circuitbreaker_not_permitted_calls_total", ""))
				.as("orders refused by the open circuit")
				.isEqualTo(orderCircuit(metricsBefore, "resilience4j_circuitbreaker_not_permitted_calls_total", ""));
			assertThat(orderCircuit(metricsAfter, "resilience4j_circuitbreaker_calls_seconds_count", "failed"))
				.as("calls the circuit breaker counted as order-service failing")
				.isEqualTo(orderCircuit(metricsBefore, "resilience4j_circuitbreaker_calls_seconds_count", "failed"));
			assertThat(metricsAfter)
				.containsPattern("gateway_requests_in_flight\\{[^}]*route=\"orders\"[^}]*\\} 0\\.0");
		}
		finally {
			// The burst's orders bought the extra units; any not bought are taken back.
			setAvailable(stockBefore.get("available"));
		}
	}

	private static List<Gateway.Response> placeAtOnce(List<String> keys, String email) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(keys.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Gateway.Response>> futures = new ArrayList<>();
			for (String key : keys) {
				futures.add(pool.submit(() -> {
					start.await();
					return place(key, email);
				}));
			}
			start.countDown();
			List<Gateway.Response> responses = new ArrayList<>();
			for (Future<Gateway.Response> future : futures) {
				responses.add(future.get(35, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Retries each shed checkout with its own key, as a well-behaved client does: once
	 * its Retry-After has passed, and again for as long as it is shed.
	 * @param retryAt when each shed checkout may be tried again
	 * ({@link System#nanoTime}), by key
	 */
	private static List<Gateway.Response> retryUntilPlaced(Map<String, Long> retryAt, String email, Duration within)
			throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Gateway.Response>> futures = new ArrayList<>();
			retryAt.forEach((key, firstRetry) -> futures.add(pool.submit(() -> {
				long at = firstRetry;
				Gateway.Response response;
				do {
					TimeUnit.NANOSECONDS.sleep(Math.max(0, at - System.nanoTime()));
					response = place(key, email);
					if (!isShed(response)) {
						return response;
					}
					at = System.nanoTime() + retryAfterNanos(response);
				}
				while (System.nanoTime() < deadline);
				return response;
			})));
			List<Gateway.Response> responses = new ArrayList<>();
			for (Future<Gateway.Response> future : futures) {
				responses.add(future.get(within.toSeconds() + 35, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Gateway.Response place(String key, String email) {
		Map<String, Object> order = Map.of("customerId", "e2e-burst", "email", email, "lines",
				List.of(Map.of("sku", SKU, "quantity", 1)), "paymentToken", "tok_approve");
		return gateway.postJson("/api/orders", order, Map.of("Idempotency-Key", key));
	}

	private static boolean isShed(Gateway.Response response) {
		if (response.status() != 503) {
			return false;
		}
		assertThat(response.header("Retry-After")).as("Retry-After of a shed checkout").matches("[1-9][0-9]*");
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).as(response.body()).isEqualTo(OVERLOADED);
		return true;
	}

	private static long retryAfterNanos(Gateway.Response shed) {
		return TimeUnit.SECONDS.toNanos(Long.parseLong(shed.header("Retry-After")));
	}

	private static void assertPlaced(Gateway.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("status").asString()).as(response.body()).isEqualTo("PROCESSED");
	}

	private static String gatewayMetrics() {
		return gateway.get("/actuator/prometheus").body();
	}

	/**
	 * One series of the gateway's order-service circuit breaker; 0 before it was first
	 * used.
	 */
	private static double orderCircuit(String metrics, String name, String kind) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
		while (matcher.find()) {
			String tags = matcher.group(1);
			if (tags.contains("name=\"order-service\"") && (kind.isEmpty() || tags.contains("kind=\"" + kind + "\""))) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return 0;
	}

	/**
	 * Sets the units of the product available through inventory-service's own stock
	 * administration, which the gateway does not route.
	 */
	private static void setAvailable(long available) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(stack.instanceUrl("inventory-service", 0) + "/admin/products/" + SKU + "/stock"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"available\":" + available + "}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
