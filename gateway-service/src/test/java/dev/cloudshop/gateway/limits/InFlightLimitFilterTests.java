package dev.cloudshop.gateway.limits;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of checkouts through the gateway's real orders route, against a stand-in for
 * order-service that holds every placement until the test lets it answer: the route takes
 * as many as its limit allows, sheds the rest with an explicit problem, and its circuit
 * breaker never takes the shedding for order-service failing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class InFlightLimitFilterTests {

	/** The orders route's max-in-flight in application.yml. */
	static final int ORDERS_LIMIT = 64;

	static final String BUSY_PROBLEM = "{\"type\":\"https://cloudshop.dev/problems/overloaded\",\"title\":\"Too busy\","
			+ "\"status\":503,\"detail\":\"order-service is placing as many orders as it can\"}";

	static final Backend backend = new Backend();

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.executor(Executors.newCachedThreadPool())
		.build();

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		for (String service : List.of("order-service", "inventory-service")) {
			registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", backend::uri);
		}
	}

	@AfterEach
	void letTheBackendAnswer() {
		backend.release();
	}

	@AfterAll
	static void stopBackend() {
		backend.stop();
	}

	@Test
	void shedsWhatABurstAsksBeyondTheLimitWithARetryAfterProblemAndKeepsTheCircuitClosed() throws Exception {
		CircuitBreaker circuit = orderServiceCircuit();
		AtomicInteger failuresSeen = countFailures(circuit);
		AtomicInteger callsSeen = new AtomicInteger();
		circuit.getEventPublisher().onSuccess((event) -> callsSeen.incrementAndGet());
		circuit.getEventPublisher().onError((event) -> callsSeen.incrementAndGet());
		backend.hold();

		int burst = ORDERS_LIMIT + 36;
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, burst)
			.mapToObj((i) -> placeOrder("burst-" + i))
			.toList();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> backend.holding() + responses.stream().filter(CompletableFuture::isDone).count() == burst);

		assertThat(backend.holding()).as("placements order-service is working on").isEqualTo(ORDERS_LIMIT);
		assertThat(inFlight("orders")).isEqualTo(ORDERS_LIMIT);
		List<HttpResponse<String>> shed = responses.stream()
			.filter(CompletableFuture::isDone)
			.map(CompletableFuture::join)
			.toList();
		assertThat(shed).hasSize(burst - ORDERS_LIMIT).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"type\":\"https://cloudshop.dev/problems/overloaded\"")
				.contains("\"title\":\"Too busy\"")
				.contains("\"service\":\"order-service\"")
				.contains("retry after 1 second with the same Idempotency-Key");
		});
		assertThat(get("/api/products").statusCode()).as("another route, while orders is at its limit").isEqualTo(200);

		backend.release();
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isIn(201, 503);
		}
		assertThat(responses.stream().filter((response) -> response.join().statusCode() == 201)).hasSize(ORDERS_LIMIT);
		assertThat(backend.mostAtOnce()).isLessThanOrEqualTo(ORDERS_LIMIT);
		assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(failuresSeen).hasValue(0);
		assertThat(callsSeen).as("calls the circuit breaker saw: none of the shed").hasValue(ORDERS_LIMIT);
		assertThat(placeOrder("after-the-burst").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> inFlight("orders") == 0);
		assertThat(prometheus())
			.containsPattern("gateway_requests_shed_total\\{[^}]*route=\"orders\"[^}]*\\} " + (burst - ORDERS_LIMIT))
			.containsPattern("gateway_requests_in_flight\\{[^}]*route=\"orders\"[^}]*\\} 0\\.0")
			.containsPattern("gateway_requests_in_flight_limit\\{[^}]*route=\"orders\"[^}]*\\} 64\\.0")
			.containsPattern("gateway_requests_in_flight_limit\\{[^}]*route=\"notifications\"[^}]*\\} 256\\.0")
			.containsPattern(
					"resilience4j_circuitbreaker_state\\{[^}]*name=\"order-service\"[^}]*state=\"closed\"[^}]*\\} 1\\.0");
	}

	@Test
	void relaysOrderServiceSheddingUnchangedWithoutOpeningTheCircuit() throws Exception {
		CircuitBreaker circuit = orderServiceCircuit();
		AtomicInteger failuresSeen = countFailures(circuit);

		for (int i = 0; i < 10; i++) {
			HttpResponse<String> response = this.http.send(
					order("busy-" + i).header("X-Backend-Answer", "busy").build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).isEqualTo(BUSY_PROBLEM);
		}

		assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(failuresSeen).hasValue(0);
		assertThat(placeOrder("after-the-shedding").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
	}

	@Test
	void givesTheCapacityBackWhenTheClientGoesAwayWithoutCountingAFailure() throws Exception {
		CircuitBreaker circuit = orderServiceCircuit();
		AtomicInteger failuresSeen = countFailures(circuit);
		backend.hold();

		try (Socket client = new Socket("localhost", this.port)) {
			OutputStream out = client.getOutputStream();
			out.write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Idempotency-Key: goes-away\r\nContent-Length: 2\r\n\r\n{}")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			await().atMost(Duration.ofSeconds(30)).until(() -> backend.holding() == 1 && inFlight("orders") == 1);
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> inFlight("orders") == 0);
		backend.release();
		assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(failuresSeen).hasValue(0);
	}

	/**
	 * The circuit breaker of the orders route, after one placement went through it (the
	 * gateway creates it on first use).
	 */
	private CircuitBreaker orderServiceCircuit() throws Exception {
		assertThat(placeOrder("warm-up").get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
		return this.circuitBreakers.circuitBreaker("order-service");
	}

	private static AtomicInteger countFailures(CircuitBreaker circuit) {
		AtomicInteger failures = new AtomicInteger();
		circuit.getEventPublisher().onError((event) -> failures.incrementAndGet());
		return failures;
	}

	private CompletableFuture<HttpResponse<String>> placeOrder(String idempotencyKey) {
		return this.http.sendAsync(order(idempotencyKey).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder order(String idempotencyKey) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/orders"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[{\"sku\":\"KB-0001\",\"quantity\":1}]}"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String prometheus() throws Exception {
		return get("/actuator/prometheus").body();
	}

	private double inFlight(String route) {
		var gauge = this.meters.find("gateway.requests.in.flight").tag("route", route).gauge();
		return (gauge != null) ? gauge.value() : -1;
	}

	/**
	 * order-service and inventory-service in one plain HTTP server: a placement waits
	 * while the backend is held, or is shed at once when the request asks for it.
	 */
	static final class Backend {

		private final HttpServer server;

		private final AtomicInteger holding = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		private volatile CountDownLatch gate = new CountDownLatch(0);

		Backend() {
			try {
				this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 512);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.setExecutor(Executors.newCachedThreadPool());
			this.server.createContext("/api/orders", this::placeOrder);
			this.server.createContext("/api/products", (exchange) -> answer(exchange, 200, "application/json", "[]"));
			this.server.start();
		}

		String uri() {
			return "http://localhost:" + this.server.getAddress().getPort();
		}

		void hold() {
			this.gate = new CountDownLatch(1);
		}

		void release() {
			this.gate.countDown();
		}

		int holding() {
			return this.holding.get();
		}

		int mostAtOnce() {
			return this.mostAtOnce.get();
		}

		void stop() {
			release();
			this.server.stop(0);
		}

		private void placeOrder(HttpExchange exchange) throws IOException {
			exchange.getRequestBody().readAllBytes();
			if ("busy".equals(exchange.getRequestHeaders().getFirst("X-Backend-Answer"))) {
				exchange.getResponseHeaders().set("Retry-After", "7");
				answer(exchange, 503, "application/problem+json", BUSY_PROBLEM);
				return;
			}
			int now = this.holding.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(now, Math::max);
			try {
				this.gate.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.holding.decrementAndGet();
			}
			answer(exchange, 201, "application/json", "{\"status\":\"PROCESSED\"}");
		}

		private static void answer(HttpExchange exchange, int status, String contentType, String body)
				throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

	}

}
