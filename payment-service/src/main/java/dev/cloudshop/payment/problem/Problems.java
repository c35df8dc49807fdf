package dev.cloudshop.payment.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problems this service answers with. A problem's {@code type} ends in a slug
 * that clients may match on; it never changes once published.
 */
public final class Problems {

	private static final String TYPE_BASE = "https://cloudshop.dev/problems/";

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
	 * @param field the JSON path of the field, such as {@code paymentToken}
	 * @param detail what went wrong this time, without repeating a rejected value
	 * @return the problem
	 */
	public static ProblemDetail ofField(HttpStatusCode status, String slug, String title, String field, String detail) {
		ProblemDetail problem = of(status, slug, title, detail);
		problem.setProperty("field", field);
		return problem;
	}

	/**
	 * A 400 naming the fields that are wrong and what is wrong with each.
	 * @param errors each field and what is wrong with it
	 * @return the problem
	 */
	public static ProblemDetail validationFailed(List<FieldError> errors) {
		List<String> fields = errors.stream().map(FieldError::field).distinct().toList();
		String detail = (errors.size() == 1) ? errors.get(0).field() + " " + errors.get(0).message()
				: "The request has " + errors.size() + " errors in " + String.join(", ", fields);
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", detail);
		problem.setProperty("errors", errors);
		if (fields.size() == 1) {
			problem.setProperty("field", fields.get(0));
		}
		return problem;
	}

	/**
	 * One field of a request and what is wrong with it, never the rejected value.
	 *
	 * @param field the JSON path of the field
	 * @param message what is wrong, such as {@code is required}
	 */
	public record FieldError(String field, String message) {
	}

}
