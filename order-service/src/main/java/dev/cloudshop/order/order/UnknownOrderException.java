package dev.cloudshop.order.order;

import java.util.UUID;

/**
 * No order has the id asked for.
 */
public class UnknownOrderException extends RuntimeException {

	private final UUID orderId;

	UnknownOrderException(UUID orderId) {
		super("No order has the id " + orderId);
		this.orderId = orderId;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

}
