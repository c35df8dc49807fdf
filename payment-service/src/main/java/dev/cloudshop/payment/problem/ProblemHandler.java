package dev.cloudshop.payment.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into an {@code application/problem+json} answer with a stable type,
 * the offending field where there is one, the request path and the trace id.
 * <p>
 * Details and messages never repeat a rejected value: it may be anything a client sent, a
 * card number included. For the same reason, the exceptions of a client's mistakes are
 * not logged; only unexpected failures are.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	private static final String ABOUT_BLANK = "about:blank";

	private final ObjectProvider<Tracer> tracer;

	ProblemHandler(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> new Problems.FieldError(fieldOf(error), message(error)))
			.sorted(Comparator.comparing(Problems.FieldError::field).thenComparing(Problems.FieldError::message))
			.toList();
		return problem(ex, Problems.validationFailed(errors), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> result.getResolvableErrors().forEach((error) -> {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField()
					: result.getMethodParameter().getParameterName();
			errors.add(new Problems.FieldError(field, message(error)));
		}));
		errors.sort(Comparator.comparing(Problems.FieldError::field));
		return problem(ex, Problems.validationFailed(errors), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex,
				Problems.validationFailed(List.of(new Problems.FieldError(ex.getParameterName(), "is required"))),
				headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return problem(ex, malformed(field, "The value of " + field + " has the wrong type or format"), headers,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// A problem the application raised while the body was read, such as a card number
		// refused by its deserializer or a body over the size limit.
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ErrorResponse raised) {
				return problem(ex, raised.getBody(), headers, request);
			}
		}
		if (ex.getCause() instanceof StreamReadException) {
			return problem(ex, malformed(null, "The request body is not valid JSON"), headers, request);
		}
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = path(jackson);
			String detail = (jackson instanceof UnrecognizedPropertyException)
					? "The field " + field + " is not part of this request"
					: "The field " + field + " has the wrong type or format";
			return problem(ex, malformed(field, detail), headers, request);
		}
		return problem(ex, malformed(null, "The request body is missing or not JSON of the expected shape"), headers,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(ex, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is at this path"),
				headers, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex, WebRequest request) {
		return problem(ex, ex.getBody(), new HttpHeaders(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		logger.error("Unexpected failure", ex);
		return problem(ex, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The service could not handle the request"), new HttpHeaders(), request);
	}

	/**
	 * Every problem passes here: gives the framework's own problems a stable type, and
	 * every problem its path and trace id.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse response) {
			body = response.getBody();
		}
		if (body instanceof ProblemDetail problem) {
			if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType().toString())) {
				FrameworkProblem type = FrameworkProblem.of(statusCode, problem.getTitle());
				problem.setType(Problems.type(type.slug()));
				problem.setTitle(type.title());
			}
			if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
				problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
			}
			addTraceId(problem);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private ResponseEntity<Object> problem(Exception ex, ProblemDetail problem, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	private static ProblemDetail malformed(String field, String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

	private void addTraceId(ProblemDetail problem) {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span != null && (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
			problem.setProperty("traceId", span.context().traceId());
		}
	}

	// The JSON path Jackson was at, such as amount or lines[2].sku
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String fieldOf(ObjectError error) {
		return (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	// The type of a problem the framework raised, by its status.
	private record FrameworkProblem(String slug, String title) {

		static FrameworkProblem of(HttpStatusCode status, String title) {
			return switch (status.value()) {
				case 400 -> new FrameworkProblem("malformed-request", "Malformed request");
				case 404 -> new FrameworkProblem("not-found", "Not found");
				case 405 -> new FrameworkProblem("method-not-allowed", "Method not allowed");
				case 406 -> new FrameworkProblem("not-acceptable", "Not acceptable");
				case 413 -> new FrameworkProblem("payload-too-large", "Request body too large");
				case 415 -> new FrameworkProblem("unsupported-media-type", "Unsupported media type");
				case 500 -> new FrameworkProblem("internal-error", "Internal error");
				case 503 -> new FrameworkProblem("service-unavailable", "Service unavailable");
				default -> new FrameworkProblem("error", title);
			};
		}

	}

}
