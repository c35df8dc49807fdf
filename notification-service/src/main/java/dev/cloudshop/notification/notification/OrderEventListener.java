package dev.cloudshop.notification.notification;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the order events topic and records a notification per event; its email is sent
 * by the {@link EmailOutbox}, so the mail server never holds up the topic. A record that
 * cannot be read fails at once and goes to the dead-letter topic; any other failure (the
 * database) is retried until it passes (see {@link OrderEventsConfiguration}).
 */
@Component
class OrderEventListener {

	private static final Logger logger = LoggerFactory.getLogger(OrderEventListener.class);

	// The notification table's traceparent column.
	private static final int MAX_TRACEPARENT_LENGTH = 55;

	private final OrderEventReader reader;

	private final OrderNotifier notifier;

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	private final OrderEventDeliveryLag deliveryLag;

	OrderEventListener(OrderEventReader reader, OrderNotifier notifier, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator, OrderEventDeliveryLag deliveryLag) {
		this.reader = reader;
		this.deliveryLag = deliveryLag;
		this.notifier = notifier;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@KafkaListener(id = "order-events", idIsGroup = false, topics = "${notification.order-events.topic}")
	void on(ConsumerRecord<String, byte[]> record) {
		this.deliveryLag.arrived(record);
		OrderEventEnvelope envelope = this.reader.read(record);
		if (this.notifier.record(envelope, traceparent())) {
			logger.info("Recorded {} of order {} (event {}); its email is queued", envelope.type(),
					envelope.event().orderId(), envelope.id());
		}
		else {
			logger.info("Skipped event {} of order {}: notified before", envelope.id(), envelope.event().orderId());
		}
	}

	// The listener's own span, as a W3C traceparent.
	private String traceparent() {
		Tracer current = this.tracer.getIfAvailable();
		Propagator propagation = this.propagator.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span == null || propagation == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		propagation.inject(span.context(), carrier, Map::put);
		String traceparent = carrier.get("traceparent");
		return (traceparent != null && traceparent.length() <= MAX_TRACEPARENT_LENGTH) ? traceparent : null;
	}

}
