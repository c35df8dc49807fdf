package dev.cloudshop.order.resilience;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudshop.order.OrderServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What application.yml's {@code resilience4j.*} gives each dependency's calls, from the
 * shared base: the circuit, the bulkhead, the retries and their metrics.
 */
@OrderServiceTest
class ResilienceConfigurationTests {

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	BulkheadRegistry bulkheads;

	@Autowired
	RetryRegistry retries;

	@Autowired
	MeterRegistry meters;

	@ParameterizedTest
	@ValueSource(strings = { "inventory-service", "payment-service" })
	void opensTheCircuitAtHalfTheLastTenCallsFailedAndIgnoresBusinessAnswers(String dependency) {
		CircuitBreakerConfig circuit = this.circuitBreakers.circuitBreaker(dependency).getCircuitBreakerConfig();

		assertThat(circuit.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
		assertThat(circuit.getSlidingWindowSize()).isEqualTo(10);
		assertThat(circuit.getMinimumNumberOfCalls()).isEqualTo(5);
		assertThat(circuit.getFailureRateThreshold()).isEqualTo(50);
		assertThat(circuit.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(10_000);
		assertThat(circuit.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
		assertThat(circuit.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
		assertThat(circuit.getIgnoreExceptionPredicate().test(conflict())).isTrue();
		assertThat(circuit.getIgnoreExceptionPredicate().test(new ResourceAccessException("timed out"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "inventory-service", "payment-service" })
	void refusesACallBeyondTwentyInFlightAtOnce(String dependency) {
		BulkheadConfig bulkhead = this.bulkheads.bulkhead(dependency).getBulkheadConfig();

		assertThat(bulkhead.getMaxConcurrentCalls()).isEqualTo(20);
		assertThat(bulkhead.getMaxWaitDuration()).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "inventory-service", "payment-service" })
	void retriesATransientFailureTwiceWithJitteredExponentialBackoff(String dependency) {
		RetryConfig retry = this.retries.retry(dependency).getRetryConfig();

		assertThat(retry.getMaxAttempts()).isEqualTo(3);
		assertThat(retry.getExceptionPredicate().test(new ResourceAccessException("timed out"))).isTrue();
		assertThat(retry.getExceptionPredicate().test(conflict())).isFalse();
		for (int i = 0; i < 20; i++) {
			assertThat(wait(retry, 1)).isBetween(50L, 150L);
			assertThat(wait(retry, 2)).isBetween(100L, 300L);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "inventory-service", "payment-service" })
	void exposesTheStateOfEachCircuitAsAMetric(String dependency) {
		assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("name", dependency).gauges()).isNotEmpty();
		assertThat(
				this.meters.find("resilience4j.bulkhead.available.concurrent.calls").tag("name", dependency).gauges())
			.isNotEmpty();
		assertThat(this.meters.find("resilience4j.retry.calls").tag("name", dependency).functionCounters())
			.isNotEmpty();
	}

	private static long wait(RetryConfig retry, int attempt) {
		return retry.getIntervalBiFunction().apply(attempt, Either.left(new ResourceAccessException("timed out")));
	}

	private static HttpClientErrorException conflict() {
		return HttpClientErrorException.create(HttpStatus.CONFLICT, "conflict", null, null, null);
	}

}
