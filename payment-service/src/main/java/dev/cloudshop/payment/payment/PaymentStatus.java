package dev.cloudshop.payment.payment;

/**
 * The outcome of a charge.
 */
public enum PaymentStatus {

	APPROVED, DECLINED, REFUNDED,

	/**
	 * No charge was made and none will be: the order's charge was voided, so a charge
	 * that arrives later is answered with this payment and charges nothing.
	 */
	VOIDED

}
