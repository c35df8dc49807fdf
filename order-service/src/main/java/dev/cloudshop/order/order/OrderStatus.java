package dev.cloudshop.order.order;

/**
 * Where an order stands in the saga.
 */
public enum OrderStatus {

	/**
	 * Stored, stock and payment not settled yet.
	 */
	PENDING,

	/**
	 * The charge was sent but its outcome is not known (a timeout): to be resolved by
	 * asking the payment service again.
	 */
	PAYMENT_UNKNOWN,

	/**
	 * Stock reserved and payment approved.
	 */
	PROCESSED,

	/**
	 * Given up, with a reason code; anything reserved or charged was compensated.
	 */
	FAILED;

	boolean isSettled() {
		return this == PROCESSED || this == FAILED;
	}

}
