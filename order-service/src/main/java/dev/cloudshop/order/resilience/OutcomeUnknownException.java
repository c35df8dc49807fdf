package dev.cloudshop.order.resilience;

/**
 * A dependency was asked but did not answer in time or answered with a server error: the
 * call may or may not have taken effect.
 */
public class OutcomeUnknownException extends RuntimeException {

	public OutcomeUnknownException(String dependency, Throwable cause) {
		super(dependency + " did not answer: " + cause.getMessage(), cause);
	}

}
