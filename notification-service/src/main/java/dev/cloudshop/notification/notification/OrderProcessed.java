package dev.cloudshop.notification.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An order was paid for and its stock reserved: this service's own copy of
 * order-service's event. Fields it does not know are ignored; the constraints are on what
 * the email needs.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param email where the customer is told
 * @param lines what was ordered
 * @param total what was charged
 * @param currency the ISO 4217 code of every amount
 * @param paymentId the payment that paid for it
 * @param processedAt when it was completed
 */
record OrderProcessed(@NotBlank @Size(max = 64) String orderId, String customerId,
		@NotBlank @Email @Size(max = 320) String email, @NotEmpty List<@NotNull @Valid Line> lines,
		@NotNull @PositiveOrZero BigDecimal total, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
		String paymentId, Instant processedAt) implements OrderEvent {

	/**
	 * One product of the order.
	 *
	 * @param sku the product
	 * @param quantity how many
	 * @param unitPrice the price of one
	 */
	record Line(@NotBlank String sku, @NotNull @Positive Integer quantity,
			@NotNull @PositiveOrZero BigDecimal unitPrice) {
	}

}
