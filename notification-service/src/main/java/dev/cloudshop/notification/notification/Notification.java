package dev.cloudshop.notification.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
	private UUID id;

	@Column(nullable = false, unique = true)
	private String eventId;

	@Column(nullable = false)
	private String orderId;

	@Column(nullable = false)
	private String eventType;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Channel channel;

	@Column(nullable = false)
	private String recipient;

	@Column(nullable = false)
	private String subject;

	private String body;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant sentAt;

	protected Notification() {
	}

	/**
	 * An email notification made now, not sent yet.
	 * @param eventId the id of the event it answers (its {@code ce_id})
	 * @param orderId the order the event is about
	 * @param eventType the event's type, such as {@code OrderProcessed}
	 * @param recipient the email address it goes to
	 * @param subject the subject line
	 * @param body the plain-text body
	 */
	public Notification(String eventId, String orderId, String eventType, String recipient, String subject,
			String body) {
		Assert.hasText(eventId, "eventId must not be blank");
		Assert.hasText(orderId, "orderId must not be blank");
		Assert.hasText(eventType, "eventType must not be blank");
		Assert.hasText(recipient, "recipient must not be blank");
		Assert.hasText(subject, "subject must not be blank");
		Assert.hasText(body, "body must not be blank");
		// Chosen here, not by the database: the insert that skips duplicates
		// is native SQL.
		this.id = UUID.randomUUID();
		this.eventId = eventId;
		this.orderId = orderId;
		this.eventType = eventType;
		this.channel = Channel.EMAIL;
		this.recipient = recipient;
		this.subject = subject;
		this.body = body;
		this.createdAt = now();
	}

	/**
	 * The current time as PostgreSQL keeps it: truncated to microseconds, so that what is
	 * read back equals what was written.
	 * @return now
	 */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
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

	public Channel getChannel() {
		return this.channel;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBody() {
		return this.body;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * @return when the mail server accepted it, or {@code null} for a notification kept
	 * from before this was recorded
	 */
	public Instant getSentAt() {
		return this.sentAt;
	}

	/**
	 * How a notification reaches the customer.
	 */
	public enum Channel {

		EMAIL

	}

}
