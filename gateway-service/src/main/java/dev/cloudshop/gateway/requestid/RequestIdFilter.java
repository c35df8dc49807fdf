package dev.cloudshop.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the client's own when it is a plausible
 * id, a new UUID otherwise. The id travels downstream as a header (each service logs it
 * as trace baggage), is echoed in the response, and appears in the gateway's access log.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

	/** The header that carries the id. */
	public static final String HEADER = "X-Request-Id";

	/** The exchange attribute that holds the id. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	/** The exchange attribute that holds the path the client asked for. */
	public static final String PATH_ATTRIBUTE = RequestIdFilter.class.getName() + ".path";

	private static final Logger logger = LoggerFactory.getLogger("gateway.access");

	// Anything else (too long, control characters, spaces) could forge log lines.
	private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String requestId = (given != null && PLAUSIBLE.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, requestId))
			.build();
		ServerWebExchange withId = exchange.mutate().request(request).build();
		withId.getAttributes().put(ATTRIBUTE, requestId);
		withId.getAttributes().put(PATH_ATTRIBUTE, request.getPath().value());
		withId.getResponse().getHeaders().set(HEADER, requestId);
		long start = System.nanoTime();
		return chain.filter(withId)
			.doFinally((signal) -> logger.info("{} {} -> {} in {} ms requestId={}", request.getMethod(),
					request.getPath().value(), withId.getResponse().getStatusCode(),
					(System.nanoTime() - start) / 1_000_000, requestId));
	}

}
