package dev.cloudshop.notification.notification;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the order events come from and how failures are retried.
 *
 * @param topic the topic consumed
 * @param partitions its partitions, when this service creates it
 * @param deadLetterTopic where records go that could not be handled
 * @param deadLetterPartitions its partitions, when this service creates it
 * @param replicationFactor the replication factor of both topics, when this service
 * creates them
 * @param retry how a record that failed for a passing reason (the database) is tried
 * again; it is never dead-lettered for such a reason
 * @param deadLettersCountInterval how often the dead letters not replayed yet are counted
 * for their gauge (a broker call and a database query each time)
 */
@ConfigurationProperties("notification.order-events")
@Validated
public record OrderEventsProperties(@DefaultValue("order-events") @NotBlank String topic,
		@DefaultValue("3") @Positive int partitions, @DefaultValue("order-events.DLT") @NotBlank String deadLetterTopic,
		@DefaultValue("1") @Positive int deadLetterPartitions, @DefaultValue("1") @Positive short replicationFactor,
		@DefaultValue @Valid Retry retry, @DefaultValue("30s") @NotNull Duration deadLettersCountInterval) {

	/**
	 * Exponential back-off between the tries of one record, as many as it takes; it holds
	 * up its partition meanwhile. The consumer sleeps between polls for each wait, so the
	 * longest wait stays far below {@code max.poll.interval.ms}.
	 *
	 * @param initialInterval the wait before the first retry
	 * @param multiplier how much longer each next wait is
	 * @param maxInterval the longest wait
	 */
	public record Retry(@DefaultValue("1s") @NotNull Duration initialInterval,
			@DefaultValue("2") @DecimalMin("1.0") double multiplier,
			@DefaultValue("10s") @NotNull @DurationMax(minutes = 1) Duration maxInterval) {
	}

}
