package dev.cloudshop.image.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.MultipartConfigElement;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into an {@code application/problem+json} answer with a stable type,
 * the offending field where there is one, the request path and the trace id.
 * <p>
 * Details never repeat a rejected value: it may be anything a client sent. For the same
 * reason, the exceptions of a client's mistakes are not logged; only unexpected failures
 * are.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	private static final String ABOUT_BLANK = "about:blank";

	// Slugs of the problems the framework raises, by status.
	private static final Map<Integer, String> FRAMEWORK_SLUGS = Map.of(400, "malformed-request", 404, "not-found", 405,
			"method-not-allowed", 406, "not-acceptable", 413, "payload-too-large", 415, "unsupported-media-type", 500,
			"internal-error", 503, "service-unavailable");

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<MultipartConfigElement> multipartConfig;

	ProblemHandler(ObjectProvider<Tracer> tracer, ObjectProvider<MultipartConfigElement> multipartConfig) {
		this.tracer = tracer;
		this.multipartConfig = multipartConfig;
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
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, Problems.validationFailed(List.of(new Problems.FieldError(ex.getRequestPartName(),
				"is required as a part of the multipart/form-data request"))), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MultipartConfigElement config = this.multipartConfig.getIfAvailable();
		String detail = (config != null && config.getMaxFileSize() > 0) ? "The upload is larger than the "
				+ DataSize.ofBytes(config.getMaxFileSize()).toMegabytes() + " MB this service accepts"
				: "The upload is larger than this service accepts";
		return problem(ex,
				Problems.ofField(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Upload too large", "file", detail),
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
		return problem(ex, malformed(null, "The request body could not be read"), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(ex, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is at this path"),
				headers, request);
	}

	/**
	 * A body announced as multipart that is not, such as one with a broken boundary or
	 * more parts than the server takes. The size limits are handled above.
	 */
	@ExceptionHandler
	ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
		return problem(ex, malformed(null, "The request is not valid multipart/form-data"), new HttpHeaders(), request);
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
				problem.setType(Problems.type(FRAMEWORK_SLUGS.getOrDefault(statusCode.value(), "error")));
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

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

}
