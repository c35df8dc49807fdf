/**
 * Notifications: what the customer was told about their order, one per order event read
 * from Kafka, recorded, then emailed from the database by the email outbox.
 */
package dev.cloudshop.notification.notification;
