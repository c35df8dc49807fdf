/**
 * Notifications: what the customer was told about their order, one per order event read
 * from Kafka, recorded and emailed.
 */
package dev.cloudshop.notification.notification;
