package dev.cloudshop.inventory.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Something the request names does not exist.
 */
public class NotFoundException extends ErrorResponseException {

	private NotFoundException(ProblemDetail problem) {
		super(HttpStatus.NOT_FOUND, problem, null);
	}

	/**
	 * @param kind what was looked for, such as {@code product}
	 * @param property the name it was looked for by, such as {@code sku}
	 * @param value the value asked for
	 * @return the exception
	 */
	public static NotFoundException of(String kind, String property, String value) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Unknown " + kind,
				"No " + kind + " has the " + property + " " + value);
		problem.setProperty(property, value);
		return new NotFoundException(problem);
	}

}
