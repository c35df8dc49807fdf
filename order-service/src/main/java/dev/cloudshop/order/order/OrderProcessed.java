package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order completed: its stock is sold and its payment kept. The order registers it when
 * it reaches {@link OrderStatus#PROCESSED}; saving the order publishes it.
 *
 * @param orderId the order
 * @param customerId who ordered
 * @param email where to tell them
 * @param lines what they bought, at which unit price
 * @param total the amount charged
 * @param currency its ISO 4217 code
 * @param paymentId the payment
 * @param processedAt when the order completed
 */
public record OrderProcessed(UUID orderId, String customerId, String email, List<OrderLine> lines, BigDecimal total,
		String currency, UUID paymentId, Instant processedAt) {
}
