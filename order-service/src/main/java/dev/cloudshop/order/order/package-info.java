/**
 * Orders: what a customer asked for, and how far the order saga has taken it.
 */
package dev.cloudshop.order.order;
