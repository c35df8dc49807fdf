package dev.cloudshop.payment.payment;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A charge for an order, as a client asks for it.
 *
 * @param orderId the order to charge; one payment per order
 * @param amount how much, as a JSON number or string, more than zero, at most
 * {@link Payment#MAX_AMOUNT} and with no more decimals than the currency has
 * @param currency the ISO 4217 code of the amount, such as {@code EUR}
 * @param paymentToken the card as the provider tokenized it, one of the {@link TestToken
 * test tokens}; never a card number
 */
@AmountFitsCurrency
record ChargeRequest(
		@NotNull(message = "is required") @Pattern(regexp = Payment.ORDER_ID_FORMAT,
				message = "must be 1 to 64 letters, digits or dashes") @JsonDeserialize(
						using = StrictStringDeserializer.class) String orderId,
		@NotNull(message = "is required") @Positive(message = "must be more than zero") @DecimalMax(
				value = Payment.MAX_AMOUNT_TEXT,
				message = "must be at most " + Payment.MAX_AMOUNT_TEXT) BigDecimal amount,
		@NotNull(message = "is required") @PayableCurrency @JsonDeserialize(
				using = StrictStringDeserializer.class) String currency,
		@NotNull(message = "is required") @Pattern(regexp = TestToken.FORMAT,
				message = "must be a payment token such as tok_approve") @JsonDeserialize(
						using = PaymentTokenDeserializer.class) String paymentToken) {
}
