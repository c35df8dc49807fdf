package dev.cloudshop.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces on every route.
 *
 * @param maxBodySize the largest request body a route accepts unless its
 * {@code max-body-size} metadata says otherwise
 * @param maxInFlight how many requests a route has under way at once unless its
 * {@code max-in-flight} metadata says otherwise; one more is shed
 * @param overloadedRetryAfter when a shed client should try again, sent as
 * {@code Retry-After} in whole seconds
 */
@ConfigurationProperties("gateway")
record GatewayLimits(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("256") int maxInFlight,
		@DefaultValue("1s") Duration overloadedRetryAfter) {

	GatewayLimits {
		if (maxInFlight < 1) {
			throw new IllegalArgumentException("gateway.max-in-flight must be at least 1, not " + maxInFlight);
		}
	}

}
