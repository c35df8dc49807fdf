package dev.cloudshop.notification.notification;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the order events topic. A record that cannot be read fails at once and goes to
 * the dead-letter topic; any other failure is retried (see
 * {@link OrderEventsConfiguration}).
 */
@Component
class OrderEventListener {

	private static final Logger logger = LoggerFactory.getLogger(OrderEventListener.class);

	private final OrderEventReader reader;

	private final OrderNotifier notifier;

	private final Map<String, Counter> sent;

	OrderEventListener(OrderEventReader reader, OrderNotifier notifier, MeterRegistry meterRegistry) {
		this.reader = reader;
		this.notifier = notifier;
		// Registered up front, so that a type shows as 0 before its first email.
		this.sent = Map.of("OrderProcessed", sentCounter(meterRegistry, "OrderProcessed"), "OrderFailed",
				sentCounter(meterRegistry, "OrderFailed"));
	}

	@KafkaListener(id = "order-events", idIsGroup = false, topics = "${notification.order-events.topic}")
	void on(ConsumerRecord<String, byte[]> record) {
		OrderEventEnvelope envelope = this.reader.read(record);
		if (this.notifier.notifyCustomer(envelope)) {
			this.sent.get(envelope.type()).increment();
			logger.info("Emailed {} of order {} (event {})", envelope.type(), envelope.event().orderId(),
					envelope.id());
		}
		else {
			logger.info("Skipped event {} of order {}: notified before", envelope.id(), envelope.event().orderId());
		}
	}

	private static Counter sentCounter(MeterRegistry meterRegistry, String type) {
		return Counter.builder("notifications.sent")
			.description("Emails handed to the mail server, by order event type")
			.tag("type", type)
			.register(meterRegistry);
	}

}
