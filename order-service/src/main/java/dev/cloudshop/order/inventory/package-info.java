/**
 * order-service's view of inventory-service: its own copies of the reservation API's
 * records (a tolerant reader), and the client that calls it.
 */
package dev.cloudshop.order.inventory;
