/**
 * Payments: one charge per order, approved or declined, and refunds.
 */
package dev.cloudshop.payment.payment;
