package dev.cloudshop.payment.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.util.Assert;

/**
 * The charge for one order: approved or declined when made, refunded later if the order
 * cannot be completed.
 */
@Entity
@Table(name = "payment")
public class Payment {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false, unique = true)
	private String orderId;

	@Column(nullable = false)
	private BigDecimal amount;

	@Column(nullable = false)
	private String currency;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private PaymentStatus status;

	private String declineReason;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Payment() {
	}

	private Payment(String orderId, BigDecimal amount, String currency, PaymentStatus status, String declineReason) {
		Assert.hasText(orderId, "orderId must not be blank");
		Assert.isTrue(amount != null && amount.signum() > 0, "amount must be positive");
		Assert.hasText(currency, "currency must not be blank");
		this.orderId = orderId;
		this.amount = amount;
		this.currency = currency;
		this.status = status;
		this.declineReason = declineReason;
		this.createdAt = now();
		this.updatedAt = this.createdAt;
	}

	/**
	 * An approved charge.
	 * @param orderId the order it pays for
	 * @param amount how much, more than zero
	 * @param currency the ISO 4217 code of the amount
	 * @return the payment
	 */
	public static Payment approved(String orderId, BigDecimal amount, String currency) {
		return new Payment(orderId, amount, currency, PaymentStatus.APPROVED, null);
	}

	/**
	 * A declined charge.
	 * @param orderId the order it was for
	 * @param amount how much was asked, more than zero
	 * @param currency the ISO 4217 code of the amount
	 * @param reason why the provider declined it
	 * @return the payment
	 */
	public static Payment declined(String orderId, BigDecimal amount, String currency, String reason) {
		Assert.hasText(reason, "reason must not be blank");
		return new Payment(orderId, amount, currency, PaymentStatus.DECLINED, reason);
	}

	/**
	 * Gives the money back.
	 * @throws IllegalStateException unless the payment is approved
	 */
	public void refund() {
		if (this.status != PaymentStatus.APPROVED) {
			throw new IllegalStateException(
					"Payment " + this.id + " is " + this.status + ", only an approved " + "payment can be refunded");
		}
		this.status = PaymentStatus.REFUNDED;
		this.updatedAt = now();
	}

	// PostgreSQL keeps microseconds: truncate, so what is read back equals this.
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
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

	public String getDeclineReason() {
		return this.declineReason;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
