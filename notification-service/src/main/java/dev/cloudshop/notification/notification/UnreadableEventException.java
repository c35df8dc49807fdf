package dev.cloudshop.notification.notification;

/**
 * A record on the order events topic that is not an order event this service can read.
 * Reading it again gives the same answer, so it goes to the dead-letter topic without
 * retries.
 */
class UnreadableEventException extends RuntimeException {

	UnreadableEventException(String message) {
		super(message);
	}

	UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
