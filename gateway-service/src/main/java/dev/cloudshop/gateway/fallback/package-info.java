/**
 * What a client gets while a service is down, slow or behind an open circuit.
 */
package dev.cloudshop.gateway.fallback;
