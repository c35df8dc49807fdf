/**
 * How many of each product are available, held for orders, and sold.
 */
package dev.cloudshop.inventory.stock;
