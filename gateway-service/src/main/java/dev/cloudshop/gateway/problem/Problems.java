package dev.cloudshop.gateway.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudshop.gateway.requestid.RequestIdFilter;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problem details the same way wherever the gateway answers on its own, in the
 * suite's contract (see service-defaults' {@code Problems}): type, title, status, detail,
 * instance, requestId and traceId.
 */
@Component
public class Problems {

	private final JsonMapper jsonMapper;

	Problems(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Writes a problem as the response.
	 * @param exchange the exchange to answer
	 * @param status the status
	 * @param type the last segment of the stable problem type URI
	 * @param title a short, stable summary
	 * @param detail what happened to this request
	 * @param extra further members, such as the unavailable service
	 * @return completion of the write
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail,
			Map<String, Object> extra) {
		Map<String, Object> body = new LinkedHashMap<>();
		// The same types as every service's problems.
		body.put("type", dev.cloudshop.servicedefaults.problem.Problems.type(type).toString());
		body.put("title", title);
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", originalPath(exchange));
		body.putAll(extra);
		String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
		if (requestId != null) {
			body.put("requestId", requestId);
		}
		traceId(exchange).ifPresent((traceId) -> body.put("traceId", traceId));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] json = this.jsonMapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
	}

	private static Optional<String> traceId(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> (TracingObservationHandler.TracingContext) context
				.get(TracingObservationHandler.TracingContext.class))
			.map((tracing) -> tracing.getSpan())
			.map((span) -> span.context().traceId());
	}

	/**
	 * The path the client asked for, also after a fallback {@code forward:}.
	 * @param exchange the exchange
	 * @return the client's path
	 */
	public static String originalPath(ServerWebExchange exchange) {
		String asked = exchange.getAttribute(RequestIdFilter.PATH_ATTRIBUTE);
		if (asked != null) {
			return asked;
		}
		Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
		if (originals != null && !originals.isEmpty()) {
			return originals.iterator().next().getRawPath();
		}
		return exchange.getRequest().getPath().value();
	}

}
