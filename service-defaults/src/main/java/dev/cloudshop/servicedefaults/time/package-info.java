/**
 * The time every service reads.
 */
package dev.cloudshop.servicedefaults.time;
