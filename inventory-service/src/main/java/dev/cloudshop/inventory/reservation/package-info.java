/**
 * Stock held for an order: reserved all or nothing at the catalog's prices, then
 * committed or released by the order, or released when it expires.
 */
package dev.cloudshop.inventory.reservation;
