package dev.cloudshop.order.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Idempotency-Keys are kept.
 *
 * @param retention a key is remembered this long after its first request; a request with
 * it after that places a new order
 * @param purgeInterval how often forgotten keys are deleted
 */
@ConfigurationProperties("order.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
		@DefaultValue("10m") Duration purgeInterval) {
}
