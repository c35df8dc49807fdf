package dev.cloudshop.servicedefaults.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.MultipartConfigElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers the framework's own exceptions, every {@link ErrorResponse} a service throws,
 * and anything unexpected with a problem of the suite's contract (see {@link Problems}).
 * <p>
 * Details never repeat a rejected value: it may be anything a client sent, a card number
 * included. For the same reason the exceptions of a client's mistakes are not logged;
 * only unexpected failures are, and their stack trace never reaches the body.
 * <p>
 * Ordered last among the controller advice, so that a service's own
 * {@code @RestControllerAdvice} for its domain exceptions is asked first. A service that
 * declares its own {@link ResponseEntityExceptionHandler} bean (this class's subclass,
 * for instance) replaces this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	private static final int DATABASE_RETRY_AFTER_SECONDS = 2;

	private static final String ABOUT_BLANK = "about:blank";

	/**
	 * What the data access and transaction layers wrap a lost database connection in
	 * (named, so that a service without JDBC needs none of them on its class path).
	 */
	private static final Set<String> LOST_DATABASE = Set.of(
			"org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.dao.TransientDataAccessException",
			"org.springframework.dao.RecoverableDataAccessException",
			"org.springframework.transaction.CannotCreateTransactionException",
			"org.springframework.transaction.TransactionSystemException", "org.hibernate.TransactionException");

	private final ObjectProvider<MultipartConfigElement> multipartConfig;

	/**
	 * @param multipartConfig the multipart limits, named in the answer to an upload over
	 * them
	 */
	public ProblemHandler(ObjectProvider<MultipartConfigElement> multipartConfig) {
		this.multipartConfig = multipartConfig;
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
		errors.sort(Comparator.comparing(Problems.FieldError::field).thenComparing(Problems.FieldError::message));
		return problem(ex, Problems.validationFailed(errors), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, Problems.invalidField(ex.getParameterName(), "is required"), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, Problems.invalidField(ex.getRequestPartName(),
				"is required as a part of the multipart/form-data request"), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return problem(ex, Problems.invalidField(field, "has the wrong type or format"), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// A problem the application raised while the body was read, such as a value
		// refused by its deserializer or a body over the size limit.
		ErrorResponse raised = raisedBy(ex);
		if (raised != null) {
			return problem(ex, raised.getBody(), headers, request);
		}
		// Not JSON at all; a number too large for its field is read, not a syntax error.
		if (ex.getCause() instanceof StreamReadException && !(ex.getCause() instanceof InputCoercionException)) {
			return problem(ex, Problems.malformed(null, "The request body is not valid JSON"), headers, request);
		}
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = path(jackson);
			String detail = (jackson instanceof UnrecognizedPropertyException)
					? "The field " + field + " is not part of this request"
					: "The field " + field + " has the wrong type or format";
			return problem(ex, Problems.malformed(field, detail), headers, request);
		}
		return problem(ex, Problems.malformed(null, "The request body is missing or not JSON of the expected shape"),
				headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(ex,
				Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "Nothing is at this path"), headers,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MultipartConfigElement config = this.multipartConfig.getIfAvailable();
		String detail = (config != null && config.getMaxFileSize() > 0) ? "The upload is larger than the "
				+ PayloadTooLargeException.describe(DataSize.ofBytes(config.getMaxFileSize())) + " this service accepts"
				: "The upload is larger than this service accepts";
		return problem(ex,
				Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, "Upload too large", detail),
				headers, request);
	}

	/**
	 * A body announced as multipart that is not, such as one with a broken boundary or
	 * more parts than the server takes. The size limits are answered above.
	 * @param ex the failure
	 * @param request the request
	 * @return a 400 {@code malformed-request}
	 */
	@ExceptionHandler
	ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
		return problem(ex, Problems.malformed(null, "The request is not valid multipart/form-data"), new HttpHeaders(),
				request);
	}

	/**
	 * Any other exception: its own problem when it is, or was caused by, an
	 * {@link ErrorResponse} (such as a body over the limit found while reading it);
	 * otherwise a 500 {@code internal-error}, logged.
	 * @param ex the failure
	 * @param request the request
	 * @return the problem
	 */
	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		ErrorResponse raised = (ex instanceof ErrorResponse response) ? response : raisedBy(ex);
		if (raised != null) {
			return problem(ex, raised.getBody(), raised.getHeaders(), request);
		}
		if (lostTheDatabase(ex)) {
			return databaseUnavailable(ex, request);
		}
		logger.error("Unexpected failure", ex);
		return problem(ex, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR, "Internal error",
				"The service could not handle the request"), new HttpHeaders(), request);
	}

	/**
	 * The database is unreachable or restarting: the transaction never committed, so
	 * nothing was decided and the same request may be sent again.
	 * @param ex the failure
	 * @param request the request
	 * @return a 503 {@code service-unavailable} with {@code Retry-After}
	 */
	protected ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
		logger.warn("The database is unavailable: {}", ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS));
		String detail = "The service's database is unavailable for a moment; retry in " + DATABASE_RETRY_AFTER_SECONDS
				+ " s" + ((request.getHeader("Idempotency-Key") != null) ? " with the same Idempotency-Key" : "");
		return problem(ex, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
				"Service unavailable", detail), headers, request);
	}

	/**
	 * Every problem passes here: gives the framework's own problems (405, 406, 415...) a
	 * stable type and a detail that does not repeat what the client sent.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse response) {
			body = response.getBody();
		}
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || ABOUT_BLANK.equals(problem.getType().toString()))) {
			FrameworkProblem framework = FrameworkProblem.of(statusCode);
			problem.setType(Problems.type(framework.slug()));
			problem.setTitle(framework.title());
			if (framework.detail() != null) {
				problem.setDetail(framework.detail());
			}
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/**
	 * Answers with a problem through {@link #handleExceptionInternal}, for subclasses
	 * that map exceptions of their own.
	 * @param ex the exception answered
	 * @param problem the problem to answer with
	 * @param headers headers of the answer
	 * @param request the request
	 * @return the answer
	 */
	protected ResponseEntity<Object> problem(Exception ex, ProblemDetail problem, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	/**
	 * Whether a failure comes from losing the database connection on the way (a restart,
	 * a network cut), however the layers above wrapped it.
	 */
	static boolean lostTheDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
				return true;
			}
			// Connection exceptions (08) and an operator or crash shutdown (57P).
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
				if (LOST_DATABASE.contains(type.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	private static ErrorResponse raisedBy(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null && cause != ex; cause = cause.getCause()) {
			if (cause instanceof ErrorResponse raised) {
				return raised;
			}
		}
		return null;
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

	// The type of a problem the framework raised, by its status; a detail of its own
	// where the framework's would repeat a method or media type the client sent.
	private record FrameworkProblem(String slug, String title, String detail) {

		static FrameworkProblem of(HttpStatusCode status) {
			return switch (status.value()) {
				case 400 -> new FrameworkProblem(Problems.MALFORMED_REQUEST, "Malformed request", null);
				case 404 -> new FrameworkProblem(Problems.NOT_FOUND, "Not found", "Nothing is at this path");
				case 405 -> new FrameworkProblem("method-not-allowed", "Method not allowed",
						"This path does not take the method of the request; the Allow header lists those it takes");
				case 406 -> new FrameworkProblem("not-acceptable", "Not acceptable",
						"This path cannot answer in a media type the Accept header allows");
				case 413 -> new FrameworkProblem(Problems.PAYLOAD_TOO_LARGE, "Request body too large", null);
				case 415 -> new FrameworkProblem("unsupported-media-type", "Unsupported media type",
						"This path does not take a body of the request's Content-Type; the Accept header of the"
								+ " answer lists those it takes");
				case 500 -> new FrameworkProblem(Problems.INTERNAL_ERROR, "Internal error",
						"The service could not handle the request");
				case 503 -> new FrameworkProblem(Problems.SERVICE_UNAVAILABLE, "Service unavailable", null);
				default -> new FrameworkProblem("error", reasonOf(status), null);
			};
		}

		private static String reasonOf(HttpStatusCode status) {
			HttpStatus known = HttpStatus.resolve(status.value());
			return (known != null) ? known.getReasonPhrase() : "Error";
		}

	}

}
