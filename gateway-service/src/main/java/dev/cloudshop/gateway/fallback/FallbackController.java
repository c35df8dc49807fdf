package dev.cloudshop.gateway.fallback;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

import dev.cloudshop.gateway.problem.Problems;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The circuit breaker fallback of every route: a 503 problem naming the service that
 * could not answer (504 when it answered too slowly). Only reachable by a route's
 * {@code forward:}; asked directly it is a 404 like any other unknown path.
 */
@RestController
class FallbackController {

	/** About the time an open circuit takes to let trial calls through again. */
	private static final String RETRY_AFTER_SECONDS = "5";

	private final Problems problems;

	FallbackController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/fallback/{service}")
	Mono<Void> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (failure == null) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		Map<String, Object> extra = Map.of("service", service);
		// A request that may have had its effect is safe to repeat only with its key.
		String retry = exchange.getRequest().getHeaders().containsHeader("Idempotency-Key")
				? "; retry with the same Idempotency-Key" : "";
		if (isTimeout(failure)) {
			return this.problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service timed out",
					service + " did not answer in time" + retry, extra);
		}
		String detail = (failure instanceof CallNotPermittedException)
				? service + " is failing; its circuit is open, try again in a few seconds" + retry
				: service + " is unavailable" + retry;
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"Service unavailable", detail, extra);
	}

	private static boolean isTimeout(Throwable failure) {
		return failure instanceof TimeoutException || (failure instanceof ResponseStatusException status
				&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
	}

}
