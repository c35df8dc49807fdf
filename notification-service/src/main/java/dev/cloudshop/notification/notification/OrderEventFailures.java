package dev.cloudshop.notification.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.RetryListener;

/**
 * Makes the failures of the order events listener visible: the error handler itself logs
 * neither a retry nor a dead letter. Each failed attempt is a warning; a record sent to
 * the dead-letter topic is an error and counts in
 * {@code order_events_dead_lettered_total}.
 */
class OrderEventFailures implements RetryListener {

	private static final Logger logger = LoggerFactory.getLogger(OrderEventFailures.class);

	private final Counter deadLettered;

	OrderEventFailures(MeterRegistry meterRegistry) {
		this.deadLettered = Counter.builder("order.events.dead.lettered")
			.description("Order event records sent to the dead-letter topic")
			.register(meterRegistry);
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		logger.warn("Attempt {} at {} failed: {}", deliveryAttempt, describe(record), reason(ex));
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
		this.deadLettered.increment();
		logger.error("Sent {} to the dead-letter topic: {}", describe(record), reason(ex));
	}

	@Override
	public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
		logger.error("Could not send {} to the dead-letter topic; it will be tried again", describe(record), failure);
	}

	private static String describe(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
	}

	// This service's own message when it has one: a parser's may quote the
	// record's content.
	private static String reason(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnreadableEventException unreadable) {
				return unreadable.getMessage();
			}
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
