package dev.cloudshop.order.resilience;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One call policy and one load-balanced HTTP client per dependency. The circuit breakers,
 * bulkheads and retries are Resilience4j's Spring Boot registries, configured in
 * application.yml ({@code resilience4j.*}: a shared base and one instance per
 * dependency); their metrics are on /actuator/prometheus
 * ({@code resilience4j_circuitbreaker_state} and friends).
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	static final String INVENTORY = "inventory-service";

	static final String PAYMENT = "payment-service";

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	private final RetryRegistry retries;

	/**
	 * Binds the registries' metrics here: the starter's own metrics auto-configuration is
	 * ordered after Spring Boot 3's metrics auto-configuration, which Spring Boot 4 does
	 * not have, so it may run before there is a meter registry to bind to.
	 */
	ResilienceConfiguration(CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads, RetryRegistry retries,
			MeterRegistry meters) {
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
		this.retries = retries;
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
		TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
		TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
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
	CallPolicy inventoryPolicy() {
		return policy(INVENTORY);
	}

	@Bean
	CallPolicy paymentPolicy() {
		return policy(PAYMENT);
	}

	@Bean
	RestClient inventoryRestClient(@LoadBalanced RestClient.Builder loadBalanced, DependencyProperties properties) {
		return client(loadBalanced, "http://" + INVENTORY, properties.inventory());
	}

	@Bean
	RestClient paymentRestClient(@LoadBalanced RestClient.Builder loadBalanced, DependencyProperties properties) {
		return client(loadBalanced, "http://" + PAYMENT, properties.payment());
	}

	private static RestClient client(RestClient.Builder loadBalanced, String baseUrl,
			DependencyProperties.Timeouts timeouts) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(timeouts.connectTimeout());
		requests.setReadTimeout(timeouts.readTimeout());
		return loadBalanced.clone().baseUrl(baseUrl).requestFactory(requests).build();
	}

	private CallPolicy policy(String name) {
		return new CallPolicy(name, this.circuitBreakers.circuitBreaker(name), this.bulkheads.bulkhead(name),
				this.retries.retry(name));
	}

}
