/**
 * Notifications: what the customer was told about their order, one per order event.
 */
package dev.cloudshop.notification.notification;
