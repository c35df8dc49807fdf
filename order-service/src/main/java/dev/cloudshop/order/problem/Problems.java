package dev.cloudshop.order.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problems this service answers with.
 */
public final class Problems {

	private static final String TYPE_BASE = "https://cloudshop.dev/problems/";

	private Problems() {
	}

	/**
	 * @param slug the last segment of the problem type, stable for clients to match on
	 * @return the problem type URI
	 */
	public static URI type(String slug) {
		return URI.create(TYPE_BASE + slug);
	}

	public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * A 400 naming the fields that are wrong.
	 * @param errors each field and what is wrong with it
	 * @return the problem
	 */
	public static ProblemDetail validationFailed(List<FieldError> errors) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
				"The request has " + errors.size() + " invalid field" + ((errors.size() == 1) ? "" : "s"));
		problem.setProperty("errors", errors);
		List<String> fields = errors.stream().map(FieldError::field).distinct().toList();
		if (fields.size() == 1) {
			problem.setProperty("field", fields.get(0));
		}
		return problem;
	}

	/**
	 * One field of a request and what is wrong with it (never the rejected value).
	 */
	public record FieldError(String field, String message) {
	}

}
