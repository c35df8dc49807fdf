package dev.cloudshop.inventory.problem;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

/**
 * A request body over the service's limit; an {@link IOException} so that it surfaces
 * while the body is read.
 */
class PayloadTooLargeException extends IOException {

	private final ProblemDetail body;

	PayloadTooLargeException(DataSize limit) {
		super("Request body over " + limit.toKilobytes() + " KB");
		this.body = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large",
				"The request body is larger than the " + limit.toKilobytes() + " KB this service accepts");
	}

	ProblemDetail getBody() {
		return this.body;
	}

}
