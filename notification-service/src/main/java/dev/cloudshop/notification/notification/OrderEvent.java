package dev.cloudshop.notification.notification;

/**
 * An event on the {@code order-events} topic that this service tells the customer about.
 */
sealed interface OrderEvent permits OrderProcessed, OrderFailed {

	String orderId();

	String email();

}
