package dev.cloudshop.order.order;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An order as a client places it. Prices are not part of it: they come from the catalog.
 *
 * @param customerId who orders
 * @param email where to tell them how it went
 * @param lines what they order, each sku once
 * @param paymentToken the payment provider's token for their card (never a card number)
 */
record PlaceOrderRequest(
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+",
				message = "must be letters, digits and . _ @ -") String customerId,
		@NotBlank @Email @Size(max = 320) String email, @NotEmpty @Size(max = 50) List<@NotNull @Valid Line> lines,
		@NotBlank @Size(max = 64) String paymentToken) {

	record Line(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(100) Integer quantity) {
	}

}
