package dev.cloudshop.order.order;

/**
 * Why an order failed: a stable code for clients and the OrderFailed event.
 */
public enum FailureReason {

	/** A product did not have enough stock. */
	OUT_OF_STOCK,

	/** A product is not in the catalog. */
	UNKNOWN_PRODUCT,

	/** The payment provider declined the charge. */
	PAYMENT_DECLINED,

	/** The charge never completed (payment-service had no record of it). */
	PAYMENT_FAILED,

	/** inventory-service or payment-service was down, too slow, or its circuit open. */
	DEPENDENCY_UNAVAILABLE,

	/** The stock reservation ran out before the order could commit it. */
	RESERVATION_EXPIRED

}
