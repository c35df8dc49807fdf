package dev.cloudshop.gateway.problem;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error that reaches the edge (an unknown route, a refused body, an
 * unexpected failure) with a problem body, and never with a stack trace. Ordered before
 * Spring Boot's default handler, which would answer plain JSON.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final Problems problems;

	ProblemErrorHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		if (failure instanceof ResponseStatusException statusException) {
			return answer(exchange, statusException.getStatusCode(), statusException.getReason());
		}
		logger.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				failure);
		return answer(exchange, HttpStatus.INTERNAL_SERVER_ERROR, null);
	}

	private Mono<Void> answer(ServerWebExchange exchange, HttpStatusCode code, String reason) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String path = Problems.originalPath(exchange);
		return switch (status) {
			case NOT_FOUND ->
				this.problems.write(exchange, status, "not-found", "Not found", "No route matches " + path, Map.of());
			case CONTENT_TOO_LARGE -> this.problems.write(exchange, status, "payload-too-large",
					"Request body too large", (reason != null) ? reason : "The request body is too large", Map.of());
			case METHOD_NOT_ALLOWED -> this.problems.write(exchange, status, "method-not-allowed", "Method not allowed",
					exchange.getRequest().getMethod() + " is not allowed on " + path, Map.of());
			case INTERNAL_SERVER_ERROR -> this.problems.write(exchange, status, "internal-error", "Internal error",
					"The gateway could not handle the request", Map.of());
			default -> this.problems.write(exchange, status, status.name().toLowerCase().replace('_', '-'),
					status.getReasonPhrase(), (reason != null) ? reason : status.getReasonPhrase(), Map.of());
		};
	}

}
