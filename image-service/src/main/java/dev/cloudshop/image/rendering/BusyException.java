package dev.cloudshop.image.rendering;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.cloudshop.servicedefaults.problem.Problems;

/**
 * Every decoding turn stayed taken for as long as an upload may wait: a 503 problem of
 * type {@code busy} with a {@code Retry-After}, so that the client (or the gateway's load
 * balancer, on another instance) tries again.
 */
class BusyException extends ErrorResponseException {

	private static final String RETRY_AFTER_SECONDS = "1";

	private final HttpHeaders headers = new HttpHeaders();

	BusyException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
				"Every image decoder of this instance is taken; try again in a moment"), null);
		this.headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
