/**
 * Where the spans every service records are sent.
 */
package dev.cloudshop.servicedefaults.tracing;
