package dev.cloudshop.order.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends each order event from the outbox to Kafka: key = order id (so one order's events
 * stay in order on one partition), value = the JSON payload, headers in the CloudEvents
 * Kafka binary style plus the W3C trace context.
 * <p>
 * The send runs inside the trace of the request that placed the order (its
 * {@code traceparent}, kept with the event): the relay's span and the Kafka template's
 * producer span ({@code spring.kafka.template.observation-enabled}) join that trace, and
 * the producer span's context goes out in the record's {@code traceparent} header, which
 * notification-service's consumer span continues.
 * <p>
 * It runs after the order's transaction committed. The event publication registry marks
 * an event done only when this method returns, that is when the broker acknowledged it;
 * while Kafka is down the event stays in the outbox and {@link OutboxResubmission} sends
 * it again. Modulith's own Kafka externalization would send it too, but this relay sets
 * the binary CloudEvents headers from the event's metadata and waits for the broker's
 * acknowledgement, in a few lines a reader can follow.
 */
@Component
class OrderEventRelay {

	private static final Logger logger = LoggerFactory.getLogger(OrderEventRelay.class);

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final EventProperties properties;

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	OrderEventRelay(KafkaTemplate<String, String> kafka, JsonMapper json, EventProperties properties,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@ApplicationModuleListener
	void on(OrderProcessed event) throws Exception {
		send(event, "OrderProcessed");
	}

	@ApplicationModuleListener
	void on(OrderFailed event) throws Exception {
		send(event, "OrderFailed");
	}

	private void send(OrderEvent event, String type) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.properties.topic(), event.orderId(),
				this.json.writeValueAsString(event.payload()));
		Headers headers = record.headers();
		header(headers, "ce_specversion", "1.0");
		header(headers, "ce_id", event.metadata().eventId());
		header(headers, "ce_type", type);
		header(headers, "ce_source", "/order-service");
		header(headers, "ce_time", event.metadata().occurredAt().toString());
		header(headers, "ce_subject", event.orderId());
		header(headers, "content-type", "application/json");
		Tracer tracing = this.tracer.getIfAvailable();
		Propagator propagation = this.propagator.getIfAvailable();
		String traceparent = event.metadata().traceparent();
		if (tracing == null || propagation == null || traceparent == null) {
			if (traceparent != null) {
				header(headers, "traceparent", traceparent);
			}
			this.kafka.send(record).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			Span relay = propagation.extract(Map.of("traceparent", traceparent), Map::get)
				.name("order-event relay")
				.tag("order.id", event.orderId())
				.tag("event.type", type)
				.start();
			try (Tracer.SpanInScope scope = tracing.withSpan(relay)) {
				this.kafka.send(record).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				relay.error(ex);
				throw ex;
			}
			finally {
				relay.end();
			}
		}
		logger.info("Published {} {} of order {}", type, event.metadata().eventId(), event.orderId());
	}

	private static void header(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
