package dev.cloudshop.payment.payment;

/**
 * The outcome of a charge.
 */
public enum PaymentStatus {

	APPROVED, DECLINED, REFUNDED

}
