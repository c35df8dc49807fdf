package dev.cloudshop.order.order;

import java.time.Duration;

/**
 * This instance is placing as many orders as it may at once; nothing was stored for this
 * one.
 */
class AtCapacityException extends RuntimeException {

	private final int capacity;

	private final Duration retryAfter;

	AtCapacityException(int capacity, Duration retryAfter) {
		super("Placing " + capacity + " orders already");
		this.capacity = capacity;
		this.retryAfter = retryAfter;
	}

	int capacity() {
		return this.capacity;
	}

	/**
	 * @return when a retry has a chance
	 */
	Duration retryAfter() {
		return this.retryAfter;
	}

}
