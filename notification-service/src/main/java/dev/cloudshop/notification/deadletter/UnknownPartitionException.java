package dev.cloudshop.notification.deadletter;

import java.util.List;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A listing asked for a partition the dead-letter topic does not have.
 */
class UnknownPartitionException extends ErrorResponseException {

	UnknownPartitionException(String topic) {
		super(HttpStatus.BAD_REQUEST, Problems
			.validationFailed(List.of(new Problems.FieldError("partition", "is not a partition of " + topic))), null);
	}

}
