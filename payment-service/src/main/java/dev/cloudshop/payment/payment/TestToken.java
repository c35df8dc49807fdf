package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The payment tokens this simulated provider understands, and what a charge with each one
 * does:
 * <table>
 * <caption>Test tokens</caption>
 * <tr>
 * <th>token</th>
 * <th>outcome</th>
 * </tr>
 * <tr>
 * <td>{@code tok_approve}</td>
 * <td>APPROVED</td>
 * </tr>
 * <tr>
 * <td>{@code tok_decline}</td>
 * <td>DECLINED, CARD_DECLINED</td>
 * </tr>
 * <tr>
 * <td>{@code tok_insufficient_funds}</td>
 * <td>DECLINED, INSUFFICIENT_FUNDS</td>
 * </tr>
 * <tr>
 * <td>{@code tok_fraud}</td>
 * <td>DECLINED, SUSPECTED_FRAUD</td>
 * </tr>
 * <tr>
 * <td>{@code tok_slow}</td>
 * <td>APPROVED after {@code payment.simulator.slow-token-delay} (5 s by default)</td>
 * </tr>
 * </table>
 * <p>
 * Any other token of the form {@code tok_[a-z0-9_]{1,60}} is unknown (422
 * {@code unknown-token}); a token not of that form is invalid (400
 * {@code validation-failed}). A card number, 12 to 19 digits possibly grouped by spaces
 * or dashes, anywhere in the token, is refused (400 {@code card-number-refused}) before
 * it is held anywhere.
 */
enum TestToken {

	APPROVE("tok_approve", null, false),

	DECLINE("tok_decline", DeclineReason.CARD_DECLINED, false),

	INSUFFICIENT_FUNDS("tok_insufficient_funds", DeclineReason.INSUFFICIENT_FUNDS, false),

	FRAUD("tok_fraud", DeclineReason.SUSPECTED_FRAUD, false),

	SLOW("tok_slow", null, true);

	/**
	 * The form of every token, known or not.
	 */
	static final String FORMAT = "tok_[a-z0-9_]{1,60}";

	private static final Pattern CARD_NUMBER = Pattern.compile("\\p{Nd}(?:[\\s-]{0,3}\\p{Nd}){11,18}");

	private final String token;

	private final DeclineReason declineReason;

	private final boolean slow;

	TestToken(String token, DeclineReason declineReason, boolean slow) {
		this.token = token;
		this.declineReason = declineReason;
		this.slow = slow;
	}

	/**
	 * The test token a client sent.
	 * @param token a token of the {@link #FORMAT form} of tokens
	 * @return the test token
	 * @throws UnknownTokenException if the provider does not know it
	 */
	static TestToken of(String token) {
		return Arrays.stream(values())
			.filter((known) -> known.token.equals(token))
			.findFirst()
			.orElseThrow(UnknownTokenException::new);
	}

	/**
	 * Whether a text holds what looks like a primary account number: 12 to 19 digits,
	 * possibly grouped by spaces or dashes. It does not check the Luhn digit: anything
	 * that might be a card number is refused.
	 * @param text what a client sent
	 * @return whether it holds a card number
	 */
	static boolean holdsACardNumber(String text) {
		return CARD_NUMBER.matcher(text).find();
	}

	/**
	 * Whether the provider answers a charge with this token only after a delay.
	 * @return whether it is slow
	 */
	boolean isSlow() {
		return this.slow;
	}

	/**
	 * The payment a charge with this token makes.
	 * @param orderId the order charged
	 * @param amount how much
	 * @param currency the currency of the amount
	 * @param now when the provider answers
	 * @return the approved or declined payment, not yet stored
	 */
	Payment charge(String orderId, BigDecimal amount, String currency, Instant now) {
		return (this.declineReason != null) ? Payment.declined(orderId, amount, currency, this.declineReason, now)
				: Payment.approved(orderId, amount, currency, now);
	}

	String token() {
		return this.token;
	}

}
