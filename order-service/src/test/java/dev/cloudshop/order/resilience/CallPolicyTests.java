package dev.cloudshop.order.resilience;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a call's failures are told apart, against a real HTTP server that misbehaves on
 * purpose.
 */
class CallPolicyTests {

	private HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private RestClient http;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// Headers at once, then half the body, then nothing for longer than the client
		// waits.
		this.server.createContext("/stalls-mid-body", (exchange) -> {
			this.requests.incrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 40);
			OutputStream body = exchange.getResponseBody();
			body.write("{\"id\": \"".getBytes(StandardCharsets.UTF_8));
			body.flush();
			sleep(Duration.ofSeconds(2));
			exchange.close();
		});
		this.server.createContext("/not-json", (exchange) -> {
			this.requests.incrementAndGet();
			byte[] html = "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, html.length);
			exchange.getResponseBody().write(html);
			exchange.close();
		});
		this.server.createContext("/conflict", (exchange) -> {
			this.requests.incrementAndGet();
			exchange.sendResponseHeaders(409, -1);
			exchange.close();
		});
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(Duration.ofMillis(500));
		requestFactory.setReadTimeout(Duration.ofMillis(300));
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
			.requestFactory(requestFactory)
			.build();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void seesAnAnswerCutOffWhileItsBodyIsReadAsAnUnknownOutcome() {
		assertThatExceptionOfType(OutcomeUnknownException.class).isThrownBy(
				() -> policy(1).callOnce(() -> this.http.get().uri("/stalls-mid-body").retrieve().body(Body.class)));
	}

	@Test
	void seesAnUnreadableAnswerAsAnUnknownOutcome() {
		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> policy(1).callOnce(() -> this.http.get().uri("/not-json").retrieve().body(Body.class)));
	}

	@Test
	void retriesAnIdempotentCallCutOffMidBody() {
		assertThatExceptionOfType(OutcomeUnknownException.class).isThrownBy(
				() -> policy(3).call(() -> this.http.get().uri("/stalls-mid-body").retrieve().body(Body.class)));
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void staysUncertainWhenARetryIsRefusedAfterAnAttemptThatMayHaveTakenEffect() {
		// The first attempt times out and opens the circuit; the retry is refused at
		// once.
		CircuitBreaker opensAtOnce = CircuitBreaker.of("test-service",
				CircuitBreakerConfig.custom().slidingWindowSize(1).minimumNumberOfCalls(1).build());
		CallPolicy policy = new CallPolicy("test-service", opensAtOnce,
				Bulkhead.of("test-service", BulkheadConfig.custom().maxConcurrentCalls(5).build()),
				Retry.of("test-service",
						RetryConfig.custom()
							.maxAttempts(2)
							.waitDuration(Duration.ofMillis(10))
							.retryOnException((ex) -> true)
							.build()));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> policy.call(() -> this.http.get().uri("/stalls-mid-body").retrieve().body(Body.class)));
		assertThat(opensAtOnce.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void passesTheDependencysOwnAnswerThroughWithoutRetrying() {
		assertThatExceptionOfType(HttpClientErrorException.Conflict.class)
			.isThrownBy(() -> policy(3).call(() -> this.http.get().uri("/conflict").retrieve().body(Body.class)));
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void seesARefusedConnectionAsUnavailable() {
		RestClient nobody = RestClient.builder().baseUrl("http://127.0.0.1:1").build();
		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> policy(1).callOnce(() -> nobody.get().uri("/").retrieve().body(Body.class)));
	}

	private static CallPolicy policy(int attempts) {
		return new CallPolicy("test-service", CircuitBreaker.ofDefaults("test-service"),
				Bulkhead.of("test-service", BulkheadConfig.custom().maxConcurrentCalls(5).build()),
				Retry.of("test-service",
						RetryConfig.custom()
							.maxAttempts(attempts)
							.waitDuration(Duration.ofMillis(10))
							.retryOnException(CallPolicy::isTransient)
							.build()));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Body(String id) {
	}

}
