package dev.cloudshop.order.order;

/**
 * An Idempotency-Key came again with a different request than the one it was first used
 * for: the client reused a key by mistake, and nothing is placed.
 */
class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException() {
		super("This Idempotency-Key was used for a different request");
	}

}
