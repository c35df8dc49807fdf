/**
 * Dead letters: what is in the order events' dead-letter topic, and putting it back on
 * the order events topic once the cause is fixed; an operator's API on the service's own
 * port.
 */
package dev.cloudshop.notification.deadletter;
