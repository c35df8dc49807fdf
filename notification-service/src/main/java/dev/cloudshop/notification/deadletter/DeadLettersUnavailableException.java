package dev.cloudshop.notification.deadletter;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The Kafka broker did not answer in time: the dead letters can be neither read nor
 * replayed now, and nothing was marked replayed that was not republished.
 */
class DeadLettersUnavailableException extends ErrorResponseException {

	DeadLettersUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
				"Kafka unavailable", "The Kafka broker did not answer in time; try again later"), cause);
	}

}
