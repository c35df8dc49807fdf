package dev.cloudshop.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses a request body larger than its route allows with 413, before the route's
 * circuit breaker sees it: a declared {@code Content-Length} is refused at once, a
 * chunked body as soon as it grows past the limit.
 */
@Component
class BodySizeLimitFilter implements GlobalFilter, Ordered {

	private final GatewayLimits limits;

	BodySizeLimitFilter(GatewayLimits limits) {
		this.limits = limits;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		DataSize limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > limit.toBytes()) {
			return Mono.error(tooLarge(limit));
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		AtomicLong seen = new AtomicLong();
		var counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().doOnNext((buffer) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
						throw tooLarge(limit);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private DataSize limitOf(Route route) {
		Object configured = (route != null) ? route.getMetadata().get("max-body-size") : null;
		return (configured != null) ? DataSize.parse(configured.toString()) : this.limits.maxBodySize();
	}

	private static ResponseStatusException tooLarge(DataSize limit) {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the " + limit.toKilobytes() + " KB this route accepts");
	}

}
