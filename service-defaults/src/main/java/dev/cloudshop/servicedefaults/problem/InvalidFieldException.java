package dev.cloudshop.servicedefaults.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A field, parameter or part that is wrong in a way its own constraints cannot say, such
 * as a price with more decimals than its currency has or a second file in an upload: a
 * 400 problem of type {@code validation-failed}.
 */
public class InvalidFieldException extends ErrorResponseException {

	/**
	 * @param field the field, parameter or part, such as {@code file}
	 * @param message what is wrong with it, without repeating its value
	 */
	public InvalidFieldException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, Problems.invalidField(field, message), null);
	}

}
