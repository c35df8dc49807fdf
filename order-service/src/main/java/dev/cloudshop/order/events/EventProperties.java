package dev.cloudshop.order.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where order events go and how unsent ones are retried.
 *
 * @param topic the Kafka topic
 * @param sendTimeout how long the relay waits for the broker to acknowledge one event
 * @param resubmitOlderThan an unsent event older than this is sent again
 * @param resubmitInterval how often unsent events are looked for
 */
@ConfigurationProperties("order.events")
record EventProperties(@DefaultValue("order-events") String topic, @DefaultValue("5s") Duration sendTimeout,
		@DefaultValue("10s") Duration resubmitOlderThan, @DefaultValue("5s") Duration resubmitInterval) {
}
