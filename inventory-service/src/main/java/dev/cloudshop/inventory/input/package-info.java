/**
 * How the service reads its input more strictly than the suite's defaults: numbers only
 * in ASCII decimal digits, no strings for integers, no control characters in text.
 */
package dev.cloudshop.inventory.input;
