package dev.cloudshop.order.events;

/**
 * An event about one order, as stored in the outbox: the payload consumers read, and the
 * metadata that travels in the Kafka record's headers.
 */
public sealed interface OrderEvent permits OrderProcessed, OrderFailed {

	EventMetadata metadata();

	String orderId();

	/**
	 * @return what goes into the Kafka record's value
	 */
	Object payload();

}
