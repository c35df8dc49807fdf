package dev.cloudshop.order.events;

import java.time.Instant;

/**
 * An order could not be completed (whatever was reserved or charged is given back), as
 * order-service publishes it: the order's own
 * {@link dev.cloudshop.order.order.OrderFailed} with the metadata that travels as
 * headers.
 *
 * @param metadata the event's id and trace context, sent as headers
 * @param orderId the order
 * @param customerId who ordered
 * @param email where to tell them
 * @param reason a stable reason code, such as {@code OUT_OF_STOCK}
 * @param detail what happened, for people
 * @param failedAt when the order failed
 */
public record OrderFailed(EventMetadata metadata, String orderId, String customerId, String email, String reason,
		String detail, Instant failedAt) implements OrderEvent {

	@Override
	public Object payload() {
		return new Payload(this.orderId, this.customerId, this.email, this.reason, this.detail, this.failedAt);
	}

	record Payload(String orderId, String customerId, String email, String reason, String detail, Instant failedAt) {
	}

}
