/**
 * Chaos experiments: latency and errors injected into the provider's calls on demand,
 * switched at runtime through the {@code chaos} Actuator endpoint.
 */
package dev.cloudshop.payment.chaos;
