package dev.cloudshop.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.stereotype.Component;

/**
 * How long an order event took from its occurrence (its CloudEvents {@code ce_time}) to
 * this service's listener: {@code order_events_delivery_lag_seconds}, a histogram with a
 * bucket at exactly the delivery objective of 60 s. It covers order-service's outbox,
 * Kafka and this consumer's own backlog. Each delivery attempt is measured, so a record
 * retried through a database outage, or a dead letter replayed hours later, counts as
 * late: it is, for the customer waiting for the email.
 */
@Component
class OrderEventDeliveryLag {

	/**
	 * The event-delivery objective: 99 % of events reach the listener within 60 s.
	 */
	static final Duration OBJECTIVE = Duration.ofSeconds(60);

	/**
	 * The histogram's largest bucket: far beyond the objective, so the percentiles of a
	 * backlog being caught up are still measured.
	 */
	static final Duration MAXIMUM_EXPECTED = Duration.ofMinutes(10);

	static final String TIME_HEADER = "ce_time";

	private final Timer lag;

	private final Clock clock;

	OrderEventDeliveryLag(MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.lag = Timer.builder("order.events.delivery.lag")
			.description("Time from an order event's ce_time to its arrival at the listener")
			.publishPercentileHistogram()
			.serviceLevelObjectives(OBJECTIVE)
			.maximumExpectedValue(MAXIMUM_EXPECTED)
			.register(meters);
	}

	/**
	 * Measures a record as it arrives; one without a readable {@code ce_time} is not
	 * measured (the reader refuses it anyway).
	 * @param record the record the listener received
	 */
	void arrived(ConsumerRecord<?, ?> record) {
		Instant occurred = occurredAt(record);
		if (occurred != null) {
			// A producer clock ahead of this one must not record a negative lag
			// (Micrometer
			// drops it): it arrived at once.
			Duration lag = Duration.between(occurred, this.clock.instant());
			this.lag.record(lag.isNegative() ? Duration.ZERO : lag);
		}
	}

	private static Instant occurredAt(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(TIME_HEADER);
		if (header == null || header.value() == null) {
			return null;
		}
		try {
			// RFC 3339, as CloudEvents has it: an offset or Z.
			return OffsetDateTime.parse(new String(header.value(), StandardCharsets.UTF_8)).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
