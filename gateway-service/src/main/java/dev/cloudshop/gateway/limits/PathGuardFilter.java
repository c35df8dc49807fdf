package dev.cloudshop.gateway.limits;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses paths with dot segments, encoded slashes or matrix parameters. A service
 * normalizes such a path after the gateway has chosen the route, so
 * {@code /api/products/../../actuator/env} could otherwise reach a service's actuator,
 * which the gateway never exposes.
 */
@Component
class PathGuardFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String rawPath = exchange.getRequest().getURI().getRawPath().toLowerCase(Locale.ROOT);
		boolean escapes = rawPath.contains("/../") || rawPath.endsWith("/..") || rawPath.contains("/./")
				|| rawPath.endsWith("/.") || rawPath.contains("%2e") || rawPath.contains("%2f")
				|| rawPath.contains("%5c") || rawPath.contains("\\") || rawPath.contains(";");
		if (escapes) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return chain.filter(exchange);
	}

}
