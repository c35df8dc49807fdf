package dev.cloudshop.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery lag as Prometheus scrapes it: the bucket of the event-delivery SLO's rules
 * ({@code le="60.0"}) counts the events that arrived within 60 s of their
 * {@code ce_time}.
 */
class OrderEventDeliveryLagTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final OrderEventDeliveryLag lag = new OrderEventDeliveryLag(this.registry,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void countsAnEventWithinTheObjectiveInTheSixtySecondBucket() {
		this.lag.arrived(record("2026-11-22T09:59:15Z"));

		assertThat(this.registry.scrape()).contains("order_events_delivery_lag_seconds_bucket{le=\"60.0\"} 1")
			.contains("order_events_delivery_lag_seconds_count 1")
			.contains("order_events_delivery_lag_seconds_sum 45.0");
	}

	@Test
	void leavesALateEventOutOfTheSixtySecondBucket() {
		this.lag.arrived(record("2026-11-22T09:58:59Z"));

		assertThat(this.registry.scrape()).contains("order_events_delivery_lag_seconds_bucket{le=\"60.0\"} 0")
			.contains("order_events_delivery_lag_seconds_bucket{le=\"62.992853672\"} 1")
			.contains("order_events_delivery_lag_seconds_count 1");
	}

	@Test
	void readsATimeWithAnOffsetAsCloudEventsAllows() {
		this.lag.arrived(record("2026-11-22T10:59:50+01:00"));

		assertThat(this.registry.scrape()).contains("order_events_delivery_lag_seconds_sum 10.0");
	}

	@Test
	void takesAnEventFromAProducerWhoseClockIsAheadForOneThatArrivedAtOnce() {
		this.lag.arrived(record("2026-11-22T10:00:03Z"));

		assertThat(this.registry.scrape()).contains("order_events_delivery_lag_seconds_count 1")
			.contains("order_events_delivery_lag_seconds_sum 0.0");
	}

	@Test
	void leavesOutARecordWithoutAReadableTime() {
		this.lag.arrived(record("yesterday"));
		this.lag.arrived(new ConsumerRecord<>("order-events", 0, 0, "key", new byte[0]));

		assertThat(this.registry.scrape()).contains("order_events_delivery_lag_seconds_count 0");
	}

	private static ConsumerRecord<String, byte[]> record(String time) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("order-events", 0, 0, "key", new byte[0]);
		record.headers().add("ce_time", time.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
