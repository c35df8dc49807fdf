package dev.cloudshop.order.order;

import java.time.Instant;
import java.util.UUID;

/**
 * An order could not be completed; whatever was reserved or charged for it is given back.
 * The order registers it when it reaches {@link OrderStatus#FAILED}; saving the order
 * publishes it.
 *
 * @param orderId the order
 * @param customerId who ordered
 * @param email where to tell them
 * @param reason why it failed
 * @param detail what happened, for people
 * @param failedAt when the order failed
 */
public record OrderFailed(UUID orderId, String customerId, String email, FailureReason reason, String detail,
		Instant failedAt) {
}
