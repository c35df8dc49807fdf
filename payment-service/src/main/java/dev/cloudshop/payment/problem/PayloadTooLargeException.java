package dev.cloudshop.payment.problem;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponse;

/**
 * A request body over the service's limit. An {@link IOException}, so that it can be
 * thrown while the body is read and surfaces through the JSON parser.
 */
class PayloadTooLargeException extends IOException implements ErrorResponse {

	private final ProblemDetail body;

	PayloadTooLargeException(DataSize limit) {
		super("Request body over " + limit.toKilobytes() + " KB");
		this.body = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
				"The request body is larger than the " + limit.toKilobytes() + " KB this service accepts");
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatus.CONTENT_TOO_LARGE;
	}

	@Override
	public ProblemDetail getBody() {
		return this.body;
	}

}
