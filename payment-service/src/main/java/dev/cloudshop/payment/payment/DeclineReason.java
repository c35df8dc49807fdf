package dev.cloudshop.payment.payment;

/**
 * Why the provider declined a charge.
 */
public enum DeclineReason {

	CARD_DECLINED, INSUFFICIENT_FUNDS, SUSPECTED_FRAUD

}
