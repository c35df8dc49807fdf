package dev.cloudshop.payment.chaos;

import org.springframework.util.Assert;

/**
 * The faults to inject into every {@link FaultInjected} call.
 *
 * @param latencyMs how long to delay each call, in milliseconds, 0 to
 * {@value #MAX_LATENCY_MS}
 * @param errorRate the share of calls to fail with 503, 0.0 (none) to 1.0 (all)
 */
record ChaosSettings(long latencyMs, double errorRate) {

	static final long MAX_LATENCY_MS = 60_000;

	static final ChaosSettings OFF = new ChaosSettings(0, 0.0);

	ChaosSettings {
		Assert.isTrue(latencyMs >= 0 && latencyMs <= MAX_LATENCY_MS, "latencyMs must be from 0 to " + MAX_LATENCY_MS);
		Assert.isTrue(errorRate >= 0.0 && errorRate <= 1.0, "errorRate must be from 0.0 to 1.0");
	}

	boolean isOff() {
		return this.latencyMs == 0 && this.errorRate == 0.0;
	}

}
