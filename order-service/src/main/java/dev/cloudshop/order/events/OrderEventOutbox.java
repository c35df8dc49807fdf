package dev.cloudshop.order.events;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each event an order registered into the event order-service publishes, and
 * records it in the outbox. It runs while the order is saved, inside the transaction that
 * saves the state change (a repository's save always has one), so the event is stored
 * exactly when the change is. This is the one place that adds what travels beside the
 * payload: a new event id (the same on every redelivery, because it is stored with the
 * event), when it happened and the trace context of the request that caused it.
 */
@Component
class OrderEventOutbox {

	private final ApplicationEventPublisher events;

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	OrderEventOutbox(ApplicationEventPublisher events, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		this.events = events;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@EventListener
	void on(dev.cloudshop.order.order.OrderProcessed processed) {
		record(new OrderProcessed(metadata(processed.processedAt()), processed.orderId().toString(),
				processed.customerId(), processed.email(),
				processed.lines()
					.stream()
					.map((line) -> new OrderProcessed.Line(line.sku(), line.quantity(), line.unitPrice()))
					.toList(),
				processed.total(), processed.currency(), processed.paymentId().toString(), processed.processedAt()));
	}

	@EventListener
	void on(dev.cloudshop.order.order.OrderFailed failed) {
		record(new OrderFailed(metadata(failed.failedAt()), failed.orderId().toString(), failed.customerId(),
				failed.email(), failed.reason().name(), failed.detail(), failed.failedAt()));
	}

	private void record(OrderEvent event) {
		this.events.publishEvent(event);
	}

	private EventMetadata metadata(Instant occurredAt) {
		return EventMetadata.of(occurredAt, traceparent());
	}

	// The current span as the W3C header the tracer's own propagation writes.
	private String traceparent() {
		Tracer current = this.tracer.getIfAvailable();
		Propagator propagation = this.propagator.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span == null || propagation == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		propagation.inject(span.context(), carrier, Map::put);
		return carrier.get("traceparent");
	}

}
