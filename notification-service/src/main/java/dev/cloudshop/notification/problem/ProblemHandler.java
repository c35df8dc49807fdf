package dev.cloudshop.notification.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
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
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(
				Problems.validationFailed(List.of(new Problems.FieldError(ex.getParameterName(), "is required"))),
				headers);
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
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is at this path"), headers);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		logger.error("Unexpected failure", ex);
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The service could not handle the request"), new HttpHeaders());
	}

	// Every other problem Spring MVC answers with (405, 406, ...) passes here: it gets a
	// type named after its status instead of about:blank, which is left out of the body.
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				HttpStatus status = HttpStatus.resolve(statusCode.value());
				String slug = (status != null) ? status.name().toLowerCase(Locale.ROOT).replace('_', '-') : "error";
				problem.setType(Problems.type(slug));
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

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

}
