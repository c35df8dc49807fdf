package dev.cloudshop.servicedefaults.problem;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponse;

/**
 * A request body over the service's limit: a 413 problem of type
 * {@code payload-too-large}. An {@link IOException}, so that it can be thrown while the
 * body is read and surfaces through the JSON parser.
 */
public class PayloadTooLargeException extends IOException implements ErrorResponse {

	private final ProblemDetail body;

	/**
	 * @param limit the largest body the service accepts
	 */
	public PayloadTooLargeException(DataSize limit) {
		super("Request body over " + describe(limit));
		this.body = Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, "Request body too large",
				"The request body is larger than the " + describe(limit) + " this service accepts");
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatus.CONTENT_TOO_LARGE;
	}

	@Override
	public ProblemDetail getBody() {
		return this.body;
	}

	// 16 KB, 11 MB: in the unit the limit was most likely written in.
	static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

}
