package dev.cloudshop.payment.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A request to void the charge of an order.
 *
 * @param orderId the order whose charge must never be made
 */
record VoidRequest(@NotNull(message = "is required") @Pattern(regexp = Payment.ORDER_ID_FORMAT,
		message = "must be 1 to 64 letters, digits or dashes") @JsonDeserialize(
				using = StrictStringDeserializer.class) String orderId) {
}
