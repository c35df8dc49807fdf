package dev.cloudshop.notification.notification;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The order events topic, its dead-letter topic, and what happens to a record that fails.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConfiguration {

	// Created when the broker answers at startup; a broker that is down then
	// does not stop the service, whose consumer waits for the topic.
	@Bean
	NewTopic orderEventsTopic(OrderEventsProperties properties) {
		return TopicBuilder.name(properties.topic())
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

	@Bean
	NewTopic orderEventsDeadLetterTopic(OrderEventsProperties properties) {
		return TopicBuilder.name(properties.deadLetterTopic())
			.partitions(properties.deadLetterPartitions())
			.replicas(properties.replicationFactor())
			.build();
	}

	@Bean
	OrderEventReader orderEventReader(Validator validator) {
		return new OrderEventReader(validator);
	}

	/**
	 * Publishes a record that can never be handled unchanged to the dead-letter topic at
	 * once, with the failure in its {@code kafka_dlt-*} headers, and goes on with the
	 * next record: one it cannot read, or one the database refuses. Any other failure is
	 * taken for a passing one (the database down, a lock timeout) and retried with an
	 * exponential back-off, without a limit: a valid event is never dead-lettered because
	 * of an outage. Its partition waits meanwhile, as it must to keep the order of its
	 * events. The emails are not sent here, so a mail server that is down is not such a
	 * failure (see {@link EmailOutbox}).
	 * <p>
	 * The back-off sleeps on the consumer thread between polls, so its longest wait (plus
	 * the time a failing attempt takes) must stay well below {@code max.poll.interval.ms}
	 * (5 minutes by default): the consumer keeps its partitions however long the outage
	 * lasts.
	 * @param template publishes the dead letters
	 * @param properties the topic and retry settings
	 * @param meterRegistry counts the dead letters
	 * @return the error handler Spring Boot gives the listener containers
	 */
	@Bean
	DefaultErrorHandler orderEventsErrorHandler(KafkaOperations<?, ?> template, OrderEventsProperties properties,
			MeterRegistry meterRegistry) {
		// The dead-letter topic has fewer partitions than the source: let the
		// key choose one, instead of the default of the same partition number.
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(properties.deadLetterTopic(), -1));
		OrderEventsProperties.Retry retry = properties.retry();
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(UnreadableEventException.class, DataIntegrityViolationException.class);
		handler.setRetryListeners(new OrderEventFailures(meterRegistry));
		return handler;
	}

}
