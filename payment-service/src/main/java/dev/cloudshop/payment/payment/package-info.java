/**
 * Payments: a simulated provider that charges an order once, approves or declines by test
 * token, and refunds.
 */
package dev.cloudshop.payment.payment;
