package dev.cloudshop.order.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long order-service waits for each dependency; its circuit breaker, bulkhead and
 * retries are configured under {@code resilience4j.*}.
 *
 * @param inventory inventory-service
 * @param payment payment-service
 */
@ConfigurationProperties("order.dependencies")
public record DependencyProperties(Timeouts inventory, Timeouts payment) {

	/**
	 * The timeouts of the calls to one dependency.
	 *
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 */
	public record Timeouts(Duration connectTimeout, Duration readTimeout) {
	}

}
