package dev.cloudshop.servicedefaults.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Builds the problems of the suite. A problem's {@code type} is
 * {@code https://cloudshop.dev/problems/<slug>}; clients match on the slug, so it never
 * changes once published.
 * <p>
 * A problem has {@code type}, {@code title} (the same for every problem of its type),
 * {@code status}, {@code detail} (what went wrong this time, never repeating a rejected
 * value), {@code instance} (the request path), {@code field} when one field is at fault,
 * {@code errors} when a validation found several, {@code traceId} and {@code requestId}.
 * The last three, and {@code instance}, are added on the way out, wherever the problem
 * was built.
 */
public final class Problems {

	/** The start of every problem type. */
	public static final String TYPE_BASE = "https://cloudshop.dev/problems/";

	/** Slug of a request whose fields break their rules. */
	public static final String VALIDATION_FAILED = "validation-failed";

	/** Slug of a request that cannot be read: not JSON, or not of the expected shape. */
	public static final String MALFORMED_REQUEST = "malformed-request";

	/** Slug of a path or a thing that does not exist. */
	public static final String NOT_FOUND = "not-found";

	/** Slug of a request body over the service's limit. */
	public static final String PAYLOAD_TOO_LARGE = "payload-too-large";

	/**
	 * Slug of a service that cannot answer for a moment; {@code Retry-After} says when.
	 */
	public static final String SERVICE_UNAVAILABLE = "service-unavailable";

	/** Slug of an unexpected failure. */
	public static final String INTERNAL_ERROR = "internal-error";

	private Problems() {
	}

	/**
	 * The problem type of a slug.
	 * @param slug the last segment of the type, such as {@code validation-failed}
	 * @return the problem type URI
	 */
	public static URI type(String slug) {
		return URI.create(TYPE_BASE + slug);
	}

	/**
	 * A problem of a type.
	 * @param status the HTTP status
	 * @param slug the last segment of the type
	 * @param title a short summary that is the same for every problem of this type
	 * @param detail what went wrong this time, without repeating a rejected value
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * A problem about one field of the request.
	 * @param status the HTTP status
	 * @param slug the last segment of the type
	 * @param title a short summary that is the same for every problem of this type
	 * @param field the JSON path of the field, or the name of the parameter or part, such
	 * as {@code paymentToken} or {@code lines[2].sku}
	 * @param detail what went wrong this time, without repeating a rejected value
	 * @return the problem
	 */
	public static ProblemDetail ofField(HttpStatusCode status, String slug, String title, String field, String detail) {
		ProblemDetail problem = of(status, slug, title, detail);
		problem.setProperty("field", field);
		return problem;
	}

	/**
	 * A 400 {@code validation-failed} naming the fields that are wrong and what is wrong
	 * with each: {@code errors} lists them, {@code field} names the field when there is
	 * only one.
	 * @param errors each field and what is wrong with it
	 * @return the problem
	 */
	public static ProblemDetail validationFailed(List<FieldError> errors) {
		List<String> fields = errors.stream().map(FieldError::field).distinct().toList();
		String detail = (errors.size() == 1) ? errors.get(0).field() + " " + errors.get(0).message()
				: "The request has " + errors.size() + " errors in " + String.join(", ", fields);
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, "Invalid request", detail);
		problem.setProperty("errors", errors);
		if (fields.size() == 1) {
			problem.setProperty("field", fields.get(0));
		}
		return problem;
	}

	/**
	 * A 400 {@code validation-failed} about one field.
	 * @param field the field, parameter or part
	 * @param message what is wrong with it, such as {@code is required}
	 * @return the problem
	 */
	public static ProblemDetail invalidField(String field, String message) {
		return validationFailed(List.of(new FieldError(field, message)));
	}

	/**
	 * A 400 {@code malformed-request}: a body that cannot be read as what was expected.
	 * @param field the JSON path at fault, or {@code null} when it is the whole body
	 * @param detail what is wrong, without repeating a rejected value
	 * @return the problem
	 */
	public static ProblemDetail malformed(String field, String detail) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request", detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

	/**
	 * A 404 {@code not-found} for something the request names.
	 * @param kind what was looked for, such as {@code image}
	 * @param detail what was not found, such as {@code No image has the id ...}
	 * @return the problem
	 */
	public static ProblemDetail notFound(String kind, String detail) {
		return of(HttpStatus.NOT_FOUND, NOT_FOUND, "Unknown " + kind, detail);
	}

	/**
	 * An exception that answers with a problem; throw it from anywhere a request is
	 * handled.
	 * @param problem the problem to answer with
	 * @return the exception
	 */
	public static ErrorResponseException exception(ProblemDetail problem) {
		return new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
	}

	/**
	 * One field of a request and what is wrong with it, never the rejected value.
	 *
	 * @param field the JSON path of the field, or the name of the parameter or part
	 * @param message what is wrong, such as {@code is required}
	 */
	public record FieldError(String field, String message) {
	}

}
