package dev.cloudshop.notification.notification;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

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
	 * Retries a failed record with exponential back-off, then publishes it unchanged to
	 * the dead-letter topic, with the failure in its {@code kafka_dlt-*} headers, and
	 * goes on with the next record. An unreadable record is published at once.
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
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(UnreadableEventException.class);
		handler.setRetryListeners(new OrderEventFailures(meterRegistry));
		return handler;
	}

}
