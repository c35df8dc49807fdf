/**
 * The events order-service publishes to the {@code order-events} topic, through a
 * transactional outbox: Spring Modulith's event publication registry stores each event in
 * the same transaction as the order's state change, and the relay sends it to Kafka.
 */
package dev.cloudshop.order.events;
