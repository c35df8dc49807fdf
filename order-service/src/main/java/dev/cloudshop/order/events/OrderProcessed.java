package dev.cloudshop.order.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order completed (stock sold, payment taken), as order-service publishes it: the
 * order's own {@link dev.cloudshop.order.order.OrderProcessed} with the metadata that
 * travels as headers.
 *
 * @param metadata the event's id and trace context, sent as headers
 * @param orderId the order
 * @param customerId who ordered
 * @param email where to tell them
 * @param lines what they bought, at which unit price
 * @param total the amount charged
 * @param currency its ISO 4217 code
 * @param paymentId the payment
 * @param processedAt when the order completed
 */
public record OrderProcessed(EventMetadata metadata, String orderId, String customerId, String email, List<Line> lines,
		BigDecimal total, String currency, String paymentId, Instant processedAt) implements OrderEvent {

	public record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

	@Override
	public Object payload() {
		return new Payload(this.orderId, this.customerId, this.email, this.lines, this.total, this.currency,
				this.paymentId, this.processedAt);
	}

	record Payload(String orderId, String customerId, String email, List<Line> lines, BigDecimal total, String currency,
			String paymentId, Instant processedAt) {
	}

}
