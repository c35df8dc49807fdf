package dev.cloudshop.payment.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated provider behaves.
 *
 * @param slowTokenDelay how long a charge with {@code tok_slow} takes before it is
 * approved: long enough to trip a caller's timeout in a demo
 */
@ConfigurationProperties("payment.simulator")
record SimulatorProperties(@DefaultValue("5s") Duration slowTokenDelay) {
}
