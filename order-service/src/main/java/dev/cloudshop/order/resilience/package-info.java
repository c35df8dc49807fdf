/**
 * How order-service calls the services it depends on: a timeout, a circuit breaker, a
 * bulkhead and retries with backoff and jitter, per dependency (Resilience4j).
 */
package dev.cloudshop.order.resilience;
