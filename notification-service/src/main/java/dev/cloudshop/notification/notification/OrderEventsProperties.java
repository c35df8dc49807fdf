package dev.cloudshop.notification.notification;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

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
 * @param retry how a record that failed for a passing reason (the mail server, the
 * database) is tried again before it is dead-lettered
 */
@ConfigurationProperties("notification.order-events")
@Validated
record OrderEventsProperties(@DefaultValue("order-events") @NotBlank String topic,
		@DefaultValue("3") @Positive int partitions, @DefaultValue("order-events.DLT") @NotBlank String deadLetterTopic,
		@DefaultValue("1") @Positive int deadLetterPartitions, @DefaultValue("1") @Positive short replicationFactor,
		@DefaultValue @Valid Retry retry) {

	/**
	 * Exponential back-off between the tries of one record; it holds up its partition
	 * meanwhile, so it stays short.
	 *
	 * @param maxRetries the tries after the first
	 * @param initialInterval the wait before the first retry
	 * @param multiplier how much longer each next wait is
	 * @param maxInterval the longest wait
	 */
	record Retry(@DefaultValue("4") @PositiveOrZero int maxRetries,
			@DefaultValue("1s") @NotNull Duration initialInterval,
			@DefaultValue("2") @DecimalMin("1.0") double multiplier,
			@DefaultValue("10s") @NotNull Duration maxInterval) {
	}

}
