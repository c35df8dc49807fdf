package dev.cloudshop.notification.deadletter;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The dead-letter topic has no record at the position asked for: no such partition, an
 * offset past its end, or one its retention already deleted.
 */
class DeadLetterNotFoundException extends ErrorResponseException {

	DeadLetterNotFoundException(String topic, int partition, long offset) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Unknown dead letter",
				"No record is at offset " + offset + " of partition " + partition + " of " + topic), null);
		getBody().setProperty("partition", partition);
		getBody().setProperty("offset", offset);
	}

}
