package dev.cloudshop.notification.notification;

/**
 * An order event as it came from Kafka: the CloudEvents id and type from its headers, and
 * the event itself from its value.
 *
 * @param id its {@code ce_id}, unique per event, the same on every redelivery
 * @param type its {@code ce_type}, such as {@code OrderProcessed}
 * @param event the event
 */
record OrderEventEnvelope(String id, String type, OrderEvent event) {
}
