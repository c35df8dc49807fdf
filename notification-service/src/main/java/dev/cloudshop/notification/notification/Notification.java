package dev.cloudshop.notification.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.util.Assert;

/**
 * What the customer was told about one order event. Its event id is unique, so a
 * redelivered event never notifies twice.
 */
@Entity
@Table(name = "notification")
public class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false, unique = true)
	private String eventId;

	@Column(nullable = false)
	private String orderId;

	@Column(nullable = false)
	private String eventType;

	@Column(nullable = false)
	private String recipient;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private Instant createdAt;

	protected Notification() {
	}

	/**
	 * A notification made now.
	 * @param eventId the id of the event it answers (its {@code ce_id})
	 * @param orderId the order the event is about
	 * @param eventType the event's type, such as {@code OrderProcessed}
	 * @param recipient the email address it goes to
	 * @param subject the subject line
	 */
	public Notification(String eventId, String orderId, String eventType, String recipient, String subject) {
		Assert.hasText(eventId, "eventId must not be blank");
		Assert.hasText(orderId, "orderId must not be blank");
		Assert.hasText(eventType, "eventType must not be blank");
		Assert.hasText(recipient, "recipient must not be blank");
		Assert.hasText(subject, "subject must not be blank");
		this.eventId = eventId;
		this.orderId = orderId;
		this.eventType = eventType;
		this.recipient = recipient;
		this.subject = subject;
		// PostgreSQL keeps microseconds: truncate, so what is read back equals this.
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	public UUID getId() {
		return this.id;
	}

	public String getEventId() {
		return this.eventId;
	}

	public String getOrderId() {
		return this.orderId;
	}

	public String getEventType() {
		return this.eventType;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public String getSubject() {
		return this.subject;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
