package dev.cloudshop.order.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's lag: how old the oldest event not yet on Kafka is ({@code 0} when every
 * event is sent), and how many wait.
 */
@Component
class OutboxMetrics {

	private final Clock clock;

	OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
		this.clock = clock;
		Gauge.builder("outbox_oldest_unpublished_age_seconds", jdbc, this::oldestAgeSeconds)
			.description("Age of the oldest order event not yet acknowledged by Kafka")
			.register(meters);
		Gauge.builder("outbox_unpublished_events", jdbc, OutboxMetrics::unpublished)
			.description("Order events not yet acknowledged by Kafka")
			.register(meters);
	}

	private double oldestAgeSeconds(JdbcTemplate jdbc) {
		Timestamp oldest = jdbc.queryForObject(
				"select min(publication_date) from event_publication where completion_date is null", Timestamp.class);
		return (oldest != null) ? Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0 : 0;
	}

	private static double unpublished(JdbcTemplate jdbc) {
		Integer count = jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
				Integer.class);
		return (count != null) ? count : 0;
	}

}
