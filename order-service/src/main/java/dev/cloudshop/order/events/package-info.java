/**
 * The events order-service publishes to the {@code order-events} topic, through a
 * transactional outbox: the events an order registers become the published events, which
 * Spring Modulith's event publication registry stores in the same transaction as the
 * order's state change, and the relay sends them to Kafka.
 */
package dev.cloudshop.order.events;
