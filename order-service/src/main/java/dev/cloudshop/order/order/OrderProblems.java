package dev.cloudshop.order.order;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the exceptions of orders and of placing them with the problems of the API.
 * Asked before the suite's problem handler, which would answer them as unexpected.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownOrder(UnknownOrderException ex) {
		ProblemDetail problem = Problems.notFound("order", ex.getMessage());
		problem.setProperty("orderId", ex.getOrderId());
		return answer(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException ex) {
		return answer(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
				"This Idempotency-Key was used for a different request"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> inProgress(RequestInProgressException ex) {
		return answer(Problems.of(HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
				"A request with this Idempotency-Key is still being processed; retry in a moment"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> atCapacity(AtCapacityException ex) {
		long seconds = Math.max(1, ex.retryAfter().toSeconds());
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Too busy",
				"order-service is placing " + ex.capacity() + " orders already; nothing was stored: retry in " + seconds
						+ " s with the same Idempotency-Key");
		problem.setProperty("service", "order-service");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
