/**
 * order-service's view of payment-service: its own copies of the payment API's records,
 * and the client that calls it.
 */
package dev.cloudshop.order.payment;
