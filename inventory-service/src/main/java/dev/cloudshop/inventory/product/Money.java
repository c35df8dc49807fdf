package dev.cloudshop.inventory.product;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact amount in an ISO 4217 currency, shown with the currency's own number of
 * decimals (two for EUR, none for JPY).
 *
 * @param amount the amount
 * @param currency the ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {

	public static Money of(BigDecimal amount, String currency) {
		int digits = Currency.getInstance(currency).getDefaultFractionDigits();
		return new Money(amount.setScale(Math.max(digits, 0)), currency);
	}

}
