/**
 * How order-service calls the services it depends on: a timeout, a circuit breaker, a
 * bulkhead and retries with backoff and jitter, per dependency (Resilience4j, configured
 * under {@code resilience4j.*} in application.yml).
 */
package dev.cloudshop.order.resilience;
