package dev.cloudshop.inventory.problem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A field that passed its own constraints but is wrong together with the rest, such as a
 * price with more decimals than its currency has.
 */
public class InvalidFieldException extends ErrorResponseException {

	public InvalidFieldException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, Problems.validationFailed(List.of(new Problems.FieldError(field, message))),
				null);
	}

}
