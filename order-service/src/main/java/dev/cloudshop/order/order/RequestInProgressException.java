package dev.cloudshop.order.order;

import java.util.UUID;

/**
 * The same request came again while the first one with its Idempotency-Key may still be
 * running the order's saga: its outcome is not known yet.
 */
class RequestInProgressException extends RuntimeException {

	RequestInProgressException(UUID orderId) {
		super("The first request with this Idempotency-Key is still placing order " + orderId);
	}

}
