package dev.cloudshop.notification.notification;

import java.time.Instant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An order could not be completed; its stock was released and any payment refunded. This
 * service's own copy of order-service's event.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param email where the customer is told
 * @param reason why, such as {@code OUT_OF_STOCK}; a reason this service does not know is
 * told in general words
 * @param detail what happened, for operators: never shown to the customer
 * @param failedAt when it failed
 */
record OrderFailed(@NotBlank @Size(max = 64) String orderId, String customerId,
		@NotBlank @Email @Size(max = 320) String email, String reason, String detail,
		Instant failedAt) implements OrderEvent {
}
