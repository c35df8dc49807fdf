package dev.cloudshop.order.resilience;

import java.time.Duration;

/**
 * The resilience settings of one dependency; application.yml explains each value.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param slidingWindowSize how many recent calls the circuit breaker judges by
 * @param minimumNumberOfCalls how many calls it needs before it judges at all
 * @param failureRateThreshold the percentage of failed calls that opens the circuit
 * @param waitInOpenState how long the circuit stays open before it lets trial calls
 * through
 * @param permittedCallsInHalfOpenState how many trial calls decide whether it closes
 * again
 * @param maxConcurrentCalls the bulkhead: calls in flight at once; more are refused at
 * once
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff the wait before the first retry
 * @param backoffMultiplier how much each further wait grows
 * @param jitter how far each wait is randomized (0.5 = plus or minus 50 %)
 */
public record CallPolicyProperties(Duration connectTimeout, Duration readTimeout, int slidingWindowSize,
		int minimumNumberOfCalls, float failureRateThreshold, Duration waitInOpenState,
		int permittedCallsInHalfOpenState, int maxConcurrentCalls, int maxAttempts, Duration initialBackoff,
		double backoffMultiplier, double jitter) {
}
