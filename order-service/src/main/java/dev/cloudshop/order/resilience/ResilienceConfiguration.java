package dev.cloudshop.order.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * One call policy and one load-balanced HTTP client per dependency, with its metrics on
 * /actuator/prometheus ({@code resilience4j_circuitbreaker_state} and friends).
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();

	private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

	private final RetryRegistry retries = RetryRegistry.ofDefaults();

	ResilienceConfiguration(MeterRegistry meters) {
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.circuitBreakers).bindTo(meters);
		TaggedBulkheadMetrics.ofBulkheadRegistry(this.bulkheads).bindTo(meters);
		TaggedRetryMetrics.ofRetryRegistry(this.retries).bindTo(meters);
	}

	/**
	 * The plain builder everything else gets, the Eureka client's own among them: it
	 * talks to the registry by address, not by service name.
	 */
	@Bean
	@Primary
	RestClient.Builder restClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	/**
	 * Boot's client builder (its JSON settings: unknown fields in an answer are ignored),
	 * resolving service names through Eureka.
	 */
	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	@Bean
	CallPolicy inventoryPolicy(DependencyProperties properties) {
		return policy("inventory-service", properties.inventory());
	}

	@Bean
	CallPolicy paymentPolicy(DependencyProperties properties) {
		return policy("payment-service", properties.payment());
	}

	@Bean
	RestClient inventoryRestClient(@LoadBalanced RestClient.Builder loadBalanced, DependencyProperties properties) {
		return client(loadBalanced, "http://inventory-service", properties.inventory());
	}

	@Bean
	RestClient paymentRestClient(@LoadBalanced RestClient.Builder loadBalanced, DependencyProperties properties) {
		return client(loadBalanced, "http://payment-service", properties.payment());
	}

	private static RestClient client(RestClient.Builder loadBalanced, String baseUrl, CallPolicyProperties properties) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.connectTimeout());
		requests.setReadTimeout(properties.readTimeout());
		return loadBalanced.clone().baseUrl(baseUrl).requestFactory(requests).build();
	}

	private CallPolicy policy(String name, CallPolicyProperties properties) {
		CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.ignoreExceptions(HttpClientErrorException.class)
			.build();
		BulkheadConfig bulkhead = BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentCalls())
			.maxWaitDuration(java.time.Duration.ZERO)
			.build();
		RetryConfig retry = RetryConfig.custom()
			.maxAttempts(properties.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(),
					properties.backoffMultiplier(), properties.jitter()))
			.retryOnException(CallPolicy::isTransient)
			.build();
		return new CallPolicy(name, this.circuitBreakers.circuitBreaker(name, circuitBreaker),
				this.bulkheads.bulkhead(name, bulkhead), this.retries.retry(name, retry));
	}

}
