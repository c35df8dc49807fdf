package dev.cloudshop.servicedefaults.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Something the request names does not exist: a 404 problem of type {@code not-found}.
 */
public class NotFoundException extends ErrorResponseException {

	private NotFoundException(String kind, String detail) {
		super(HttpStatus.NOT_FOUND, Problems.notFound(kind, detail), null);
	}

	/**
	 * @param kind what was looked for, such as {@code image}
	 * @param detail what was not found, such as {@code No image has the id ...}
	 * @return the exception
	 */
	public static NotFoundException of(String kind, String detail) {
		return new NotFoundException(kind, detail);
	}

	/**
	 * Something looked up by one of its properties, which the problem names.
	 * @param kind what was looked for, such as {@code product}
	 * @param property the name it was looked for by, such as {@code sku}
	 * @param value the value asked for
	 * @return the exception
	 */
	public static NotFoundException of(String kind, String property, String value) {
		return of(kind, "No " + kind + " has the " + property + " " + value).with(property, value);
	}

	/**
	 * Adds a property to the problem, such as the id that was asked for.
	 * @param name the property name
	 * @param value its value
	 * @return this exception
	 */
	public NotFoundException with(String name, Object value) {
		getBody().setProperty(name, value);
		return this;
	}

}
