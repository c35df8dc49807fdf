package dev.cloudshop.inventory.product;

import java.math.BigDecimal;
import java.util.Currency;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.cloudshop.servicedefaults.problem.InvalidFieldException;

/**
 * A price as a client sends it.
 *
 * @param amount more than zero, at most a million, with no more decimals than the
 * currency has
 * @param currency a known ISO 4217 code
 */
record PriceRequest(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

	/**
	 * Checks what a single field's constraints cannot: that the currency exists and the
	 * amount fits it.
	 * @param field where this price is in the request, for the error
	 * @return the price
	 */
	Money toMoney(String field) {
		Currency known;
		try {
			known = Currency.getInstance(this.currency);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException(field + ".currency", "is not a known ISO 4217 currency");
		}
		int digits = Math.max(known.getDefaultFractionDigits(), 0);
		if (this.amount.stripTrailingZeros().scale() > digits) {
			throw new InvalidFieldException(field + ".amount",
					"has more than the " + digits + " decimals " + this.currency + " has");
		}
		return Money.of(this.amount, this.currency);
	}

}
