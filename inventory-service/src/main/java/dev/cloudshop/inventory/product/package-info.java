/**
 * The product catalog: what the shop sells, at which price.
 */
package dev.cloudshop.inventory.product;
