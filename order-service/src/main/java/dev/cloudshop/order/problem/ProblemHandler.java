package dev.cloudshop.order.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into a problem with a stable type and the trace id. Messages never
 * repeat a rejected value: it may be anything a client sent.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	private final ObjectProvider<Tracer> tracer;

	ProblemHandler(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new Problems.FieldError(error.getField(), message(error)))
			.sorted(Comparator.comparing(Problems.FieldError::field))
			.toList();
		return problem(Problems.validationFailed(errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors
					.add(new Problems.FieldError(result.getMethodParameter().getParameterName(), message(error)))));
		return problem(Problems.validationFailed(errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return problem(Problems.validationFailed(List.of(new Problems.FieldError(field, "has the wrong type"))),
				headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				return problem(tooLarge.getBody(), headers);
			}
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				"The request body is not valid JSON of the expected shape");
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			problem.setProperty("field", field);
			problem.setDetail((jackson instanceof UnrecognizedPropertyException)
					? "The field " + field + " is not part of this request"
					: "The field " + field + " has the wrong type or format");
		}
		else if (ex.getCause() instanceof JacksonException) {
			problem.setDetail("The request body is not valid JSON");
		}
		return problem(problem, headers);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is at this path"), headers);
	}

	/**
	 * The database is unreachable or restarting: nothing was decided, so a retry is safe.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
		logger.warn("The database is unavailable: {}", ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "2");
		return problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				"The service's database is unavailable for a moment; retry in 2 s"
						+ ((request.getHeader("Idempotency-Key") != null) ? " with the same Idempotency-Key" : "")),
				headers);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (lostTheDatabase(ex)) {
			return databaseUnavailable(ex, request);
		}
		logger.error("Unexpected failure", ex);
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The service could not handle the request"), new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				HttpStatus status = HttpStatus.resolve(statusCode.value());
				String slug = (status != null) ? status.name().toLowerCase().replace('_', '-') : "error";
				problem.setType(Problems.type(slug));
			}
			addTraceId(problem);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			// Spring's own problems (405, 406, 415...) arrive here without a type.
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				HttpStatus status = HttpStatus.resolve(statusCode.value());
				problem
					.setType(Problems.type((status != null) ? status.name().toLowerCase().replace('_', '-') : "error"));
			}
			addTraceId(problem);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		addTraceId(problem);
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private void addTraceId(ProblemDetail problem) {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span != null && (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
			problem.setProperty("traceId", span.context().traceId());
		}
	}

	/**
	 * Whether a failure comes from losing the database connection on the way (a restart,
	 * a network cut), however the layers above wrapped it: a transaction that never
	 * committed, so nothing was decided.
	 */
	private static boolean lostTheDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// A rollback (or commit) that could not reach the database: the connection is
			// gone, whatever the driver's state says.
			if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
					|| cause instanceof org.hibernate.TransactionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

}
