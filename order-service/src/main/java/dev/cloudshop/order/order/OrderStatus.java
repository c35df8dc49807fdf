package dev.cloudshop.order.order;

/**
 * Where an order stands in the saga. Each step is stored before the next call, so after a
 * crash the recovery job knows what may have happened.
 */
public enum OrderStatus {

	/** Stored; stock not reserved yet (a reservation may be in flight). */
	PENDING,

	/** Stock held at the catalog's prices; the charge may be in flight. */
	STOCK_RESERVED,

	/**
	 * The charge was sent but its outcome is unknown (a timeout): resolved by asking
	 * payment-service by order id, never by charging again blindly.
	 */
	PAYMENT_UNKNOWN,

	/** Charged; the reservation is being committed. */
	PAID,

	/** Done: stock sold, payment taken. */
	PROCESSED,

	/** Given up, with a reason code; anything reserved or charged was compensated. */
	FAILED;

	boolean isSettled() {
		return this == PROCESSED || this == FAILED;
	}

}
