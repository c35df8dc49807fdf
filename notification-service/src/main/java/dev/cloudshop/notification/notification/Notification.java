package dev.cloudshop.notification.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.cloudshop.notification.email.Email;

import org.springframework.util.Assert;

/**
 * What the customer was told about one order event, and whether the email has gone out.
 * Its event id is unique, so a redelivered event never notifies twice. A notification is
 * {@link Status#PENDING} from the moment its event is read until the mail server accepts
 * its email ({@link Status#SENT}); each failed attempt pushes its next attempt back.
 */
@Entity
@Table(name = "notification")
public class Notification {

	// The last_error column.
	private static final int MAX_ERROR_LENGTH = 500;

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

	private String html;

	@Column(nullable = false)
	private Instant createdAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private int attempts;

	private Instant nextAttemptAt;

	private String lastError;

	private String traceparent;

	private Instant sentAt;

	protected Notification() {
	}

	/**
	 * An email notification made at the given instant, to be sent as soon as possible.
	 * @param eventId the id of the event it answers (its {@code ce_id})
	 * @param orderId the order the event is about
	 * @param eventType the event's type, such as {@code OrderProcessed}
	 * @param email the email that tells the customer
	 * @param traceparent the W3C trace context its sending continues, or {@code null}
	 * @param createdAt when it is made, in the microseconds PostgreSQL keeps, so that
	 * what is read back equals it
	 */
	public Notification(String eventId, String orderId, String eventType, Email email, String traceparent,
			Instant createdAt) {
		Assert.hasText(eventId, "eventId must not be blank");
		Assert.hasText(orderId, "orderId must not be blank");
		Assert.hasText(eventType, "eventType must not be blank");
		Assert.notNull(email, "email must not be null");
		Assert.notNull(createdAt, "createdAt must not be null");
		// Chosen here, not by the database: the insert that skips duplicates
		// is native SQL.
		this.id = UUID.randomUUID();
		this.eventId = eventId;
		this.orderId = orderId;
		this.eventType = eventType;
		this.channel = Channel.EMAIL;
		this.recipient = email.to();
		this.subject = email.subject();
		this.body = email.text();
		this.html = email.html();
		this.createdAt = createdAt;
		this.status = Status.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = this.createdAt;
		this.traceparent = traceparent;
	}

	/**
	 * @return the email to send, as it was made when the event was read
	 */
	Email email() {
		Assert.state(this.status == Status.PENDING, () -> "Notification " + this.id + " is " + this.status);
		return new Email(this.recipient, this.subject, this.body, this.html);
	}

	/**
	 * The mail server accepted the email.
	 * @param at when
	 */
	void markSent(Instant at) {
		Assert.state(this.status == Status.PENDING, () -> "Notification " + this.id + " is " + this.status);
		this.status = Status.SENT;
		this.attempts++;
		this.sentAt = at;
		this.nextAttemptAt = null;
		this.lastError = null;
	}

	/**
	 * The email could not be sent this time; it stays pending.
	 * @param error why, for operators
	 * @param nextAttemptAt when to try again
	 */
	void markAttemptFailed(String error, Instant nextAttemptAt) {
		Assert.state(this.status == Status.PENDING, () -> "Notification " + this.id + " is " + this.status);
		Assert.notNull(nextAttemptAt, "nextAttemptAt must not be null");
		this.attempts++;
		this.nextAttemptAt = nextAttemptAt;
		this.lastError = truncate(error);
	}

	/**
	 * The email can never be sent, whatever the mail server does: trying again would fail
	 * the same way.
	 * @param error why, for operators
	 */
	void markUndeliverable(String error) {
		Assert.state(this.status == Status.PENDING, () -> "Notification " + this.id + " is " + this.status);
		this.status = Status.UNDELIVERABLE;
		this.attempts++;
		this.nextAttemptAt = null;
		this.lastError = truncate(error);
	}

	private static String truncate(String error) {
		return (error != null && error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
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

	public String getHtml() {
		return this.html;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Status getStatus() {
		return this.status;
	}

	/**
	 * @return how many times sending was tried
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * @return when sending is tried next, {@code null} unless pending
	 */
	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	/**
	 * @return why the last attempt failed, {@code null} if it did not
	 */
	public String getLastError() {
		return this.lastError;
	}

	public String getTraceparent() {
		return this.traceparent;
	}

	/**
	 * @return when the mail server accepted it, or {@code null} while pending and for a
	 * notification kept from before this was recorded
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

	/**
	 * Where the email of a notification stands.
	 */
	public enum Status {

		/**
		 * Not accepted by the mail server yet: the sender tries, and tries again.
		 */
		PENDING,

		/**
		 * Accepted by the mail server.
		 */
		SENT,

		/**
		 * Never to be sent: the email itself cannot be made into a message.
		 */
		UNDELIVERABLE

	}

}
