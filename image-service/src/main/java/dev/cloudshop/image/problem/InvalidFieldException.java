package dev.cloudshop.image.problem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A field or part of the request that is wrong in a way its own annotations cannot say,
 * such as a second file in an upload: a 400 problem of type {@code validation-failed}.
 */
public class InvalidFieldException extends ErrorResponseException {

	/**
	 * @param field the form field or part, such as {@code file}
	 * @param message what is wrong with it, without repeating its value
	 */
	public InvalidFieldException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, Problems.validationFailed(List.of(new Problems.FieldError(field, message))),
				null);
	}

}
