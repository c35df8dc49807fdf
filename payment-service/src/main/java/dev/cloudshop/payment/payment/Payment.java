package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;

import org.springframework.util.Assert;

/**
 * The charge for one order: approved or declined when made, refunded later if the order
 * cannot be completed. Only an approved payment can be refunded; refunding it again
 * changes nothing. An order whose charge was voided before any was made holds a
 * {@link PaymentStatus#VOIDED} payment without an amount: no charge for it can be made
 * any more.
 */
@Entity
@Table(name = "payment")
public class Payment {

	static final String MAX_AMOUNT_TEXT = "1000000";

	/**
	 * The largest amount one charge may ask for, in units of its currency.
	 */
	public static final BigDecimal MAX_AMOUNT = new BigDecimal(MAX_AMOUNT_TEXT);

	/**
	 * The form of an order id: 1 to 64 letters, digits or dashes, a UUID included.
	 */
	static final String ORDER_ID_FORMAT = "[A-Za-z0-9-]{1,64}";

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false, unique = true)
	private String orderId;

	private BigDecimal amount;

	private String currency;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private PaymentStatus status;

	@Enumerated(EnumType.STRING)
	private DeclineReason declineReason;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Payment() {
	}

	private Payment(String orderId, BigDecimal amount, String currency, PaymentStatus status,
			DeclineReason declineReason, Instant now) {
		Assert.isTrue(orderId != null && orderId.matches(ORDER_ID_FORMAT), "orderId must be of the order id form");
		Assert.isTrue(isPayableCurrency(currency), "currency must be an ISO 4217 code with minor units");
		Assert.isTrue(amount != null && amount.signum() > 0, "amount must be positive");
		Assert.isTrue(amount.compareTo(MAX_AMOUNT) <= 0, "amount must be at most " + MAX_AMOUNT);
		Assert.isTrue(fitsCurrency(amount, currency), "amount has more decimals than its currency");
		Assert.notNull(now, "now must not be null");
		this.orderId = orderId;
		this.amount = inCurrencyScale(amount, currency);
		this.currency = currency;
		this.status = status;
		this.declineReason = declineReason;
		this.createdAt = now;
		this.updatedAt = this.createdAt;
	}

	/**
	 * An approved charge.
	 * @param orderId the order it pays for
	 * @param amount how much, more than zero, in whole minor units of the currency
	 * @param currency the ISO 4217 code of the amount
	 * @param now when it is made, in the microseconds PostgreSQL keeps, so that what is
	 * read back equals it
	 * @return the payment
	 */
	public static Payment approved(String orderId, BigDecimal amount, String currency, Instant now) {
		return new Payment(orderId, amount, currency, PaymentStatus.APPROVED, null, now);
	}

	/**
	 * A declined charge.
	 * @param orderId the order it was for
	 * @param amount how much was asked, more than zero, in whole minor units of the
	 * currency
	 * @param currency the ISO 4217 code of the amount
	 * @param reason why the provider declined it
	 * @param now when it is made, in the microseconds PostgreSQL keeps
	 * @return the payment
	 */
	public static Payment declined(String orderId, BigDecimal amount, String currency, DeclineReason reason,
			Instant now) {
		Assert.notNull(reason, "reason must not be null");
		return new Payment(orderId, amount, currency, PaymentStatus.DECLINED, reason, now);
	}

	/**
	 * A void: the order will never be charged. Taking the order id makes every later
	 * charge for it answer this payment instead of charging.
	 * @param orderId the order
	 * @param now when it is voided, in the microseconds PostgreSQL keeps
	 * @return the payment
	 */
	public static Payment voided(String orderId, Instant now) {
		Assert.isTrue(orderId != null && orderId.matches(ORDER_ID_FORMAT), "orderId must be of the order id form");
		Assert.notNull(now, "now must not be null");
		Payment payment = new Payment();
		payment.orderId = orderId;
		payment.status = PaymentStatus.VOIDED;
		payment.createdAt = now;
		payment.updatedAt = payment.createdAt;
		return payment;
	}

	/**
	 * @return whether the order's charge was voided before any was made
	 */
	public boolean isVoided() {
		return this.status == PaymentStatus.VOIDED;
	}

	/**
	 * Gives the money back. Refunding a refunded payment changes nothing, so a client may
	 * repeat a refund it did not hear the answer to.
	 * @param now when, in the microseconds PostgreSQL keeps
	 * @throws RefundNotAllowedException if the payment was declined
	 */
	public void refund(Instant now) {
		if (this.status == PaymentStatus.DECLINED || this.status == PaymentStatus.VOIDED) {
			throw new RefundNotAllowedException(this.id);
		}
		if (this.status == PaymentStatus.APPROVED) {
			this.status = PaymentStatus.REFUNDED;
			this.updatedAt = now;
		}
	}

	/**
	 * Whether this payment is the charge asked for again: the same amount in the same
	 * currency.
	 * @param amount the amount asked for
	 * @param currency the currency asked for
	 * @return whether it is the same charge
	 */
	boolean isSameCharge(BigDecimal amount, String currency) {
		return !isVoided() && this.currency.equals(currency) && this.amount.compareTo(amount) == 0;
	}

	/**
	 * Whether payments may be made in a currency: a known ISO 4217 code that has minor
	 * units (not gold, special drawing rights or the testing code).
	 * @param currency the code
	 * @return whether it is payable
	 */
	static boolean isPayableCurrency(String currency) {
		if (currency == null || !currency.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			return Currency.getInstance(currency).getDefaultFractionDigits() >= 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Whether an amount has no more decimals than its currency: 2 for EUR, 0 for JPY, 3
	 * for KWD.
	 * @param amount the amount
	 * @param currency a payable currency
	 * @return whether the amount fits
	 */
	static boolean fitsCurrency(BigDecimal amount, String currency) {
		return amount.stripTrailingZeros().scale() <= Currency.getInstance(currency).getDefaultFractionDigits();
	}

	private static BigDecimal inCurrencyScale(BigDecimal amount, String currency) {
		return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
	}

	// The column keeps four decimals: show the amount as its currency writes it.
	@PostLoad
	void loaded() {
		if (this.amount != null) {
			this.amount = inCurrencyScale(this.amount, this.currency);
		}
	}

	public UUID getId() {
		return this.id;
	}

	public String getOrderId() {
		return this.orderId;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public String getCurrency() {
		return this.currency;
	}

	public PaymentStatus getStatus() {
		return this.status;
	}

	public DeclineReason getDeclineReason() {
		return this.declineReason;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
