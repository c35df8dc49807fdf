package dev.cloudshop.order.resilience;

/**
 * A dependency could not be asked: its circuit is open, its bulkhead is full, or it
 * refused or dropped the connection. The call surely did not take effect.
 */
public class DependencyUnavailableException extends RuntimeException {

	public DependencyUnavailableException(String dependency, Throwable cause) {
		super(dependency + " is unavailable: " + cause.getMessage(), cause);
	}

}
