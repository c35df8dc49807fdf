package dev.cloudshop.notification.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cloudshop.notification.email.Mailer;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the emails of recorded notifications: the notification table is an email outbox.
 * Reading an order event only records its notification, {@code PENDING}, and Kafka moves
 * on; a mail server that is down never holds up the topic, never sends a valid event to
 * the dead-letter topic, and loses nothing, however long it stays down. Retrying the send
 * in the listener could not promise that: it holds the partition, must stop before
 * {@code max.poll.interval.ms} costs the consumer its partitions, and so ends in the
 * dead-letter topic; retry topics would still give up at some point, and reorder events.
 * <p>
 * Every {@code notification.delivery.poll-interval} this sender takes the most overdue
 * pending notification, locks its row ({@code FOR UPDATE SKIP LOCKED}: other instances
 * take other rows), hands its email to the mail server and marks it {@code SENT} in the
 * same short transaction, then takes the next, up to {@code batch-size}. An email that
 * fails waits for its next attempt, with an exponential back-off capped at
 * {@code retry.max-interval}; it is never given up for a failure of the server. A failure
 * to reach the server at all ends the run: the other emails wait for the next one, so a
 * server that is down gets one attempt per poll, not one per pending email. An email the
 * server refuses only waits for its own next attempt, and the run goes on. Only an email
 * that cannot be made into a message at all becomes {@code UNDELIVERABLE}.
 * <p>
 * Exactly one email per notification, as far as SMTP allows: the row lock means one
 * sender at a time, and {@code SENT} is committed right after the server accepted the
 * email. If the service dies, or loses its database, between the two, the transaction
 * rolls back, the notification stays pending, and the email is sent a second time: the
 * edge is at-least-once, not exactly-once, because an SMTP server cannot be asked whether
 * it already has a message. Every attempt carries the same {@code Message-ID}, derived
 * from the notification id, so that mail stores that collapse duplicates show one.
 * Shutdown waits for a send in progress ({@code spring.task.scheduling.shutdown}), which
 * keeps that edge to crashes.
 */
@Component
class EmailOutbox {

	private static final Logger logger = LoggerFactory.getLogger(EmailOutbox.class);

	private final Notifications notifications;

	private final Mailer mailer;

	private final DeliveryProperties properties;

	private final TransactionTemplate transaction;

	private final EmailBacklog backlog;

	private final ObservationRegistry observations;

	private final Clock clock;

	private final Map<String, Counter> sent;

	EmailOutbox(Notifications notifications, Mailer mailer, DeliveryProperties properties,
			TransactionTemplate transaction, EmailBacklog backlog, ObservationRegistry observations,
			MeterRegistry meterRegistry, Clock clock) {
		this.notifications = notifications;
		this.mailer = mailer;
		this.properties = properties;
		this.transaction = transaction;
		this.backlog = backlog;
		this.observations = observations;
		this.clock = clock;
		// Registered up front, so that a type shows as 0 before its first email.
		this.sent = Map.of("OrderProcessed", sentCounter(meterRegistry, "OrderProcessed"), "OrderFailed",
				sentCounter(meterRegistry, "OrderFailed"));
	}

	/**
	 * Sends the emails that are due, one transaction each, until none is due, the batch
	 * is full or the mail server cannot be reached.
	 */
	@Scheduled(fixedDelayString = "${notification.delivery.poll-interval:1s}")
	void sendDue() {
		try {
			for (int i = 0; i < this.properties.batchSize(); i++) {
				Outcome outcome = this.transaction.execute((status) -> sendNext());
				if (outcome == Outcome.NONE_DUE || outcome == Outcome.SERVER_UNAVAILABLE) {
					break;
				}
			}
		}
		catch (DataAccessException | TransactionException ex) {
			// The database is down: whatever was being sent is still pending.
			logger.warn("Could not send the pending emails: {}", reason(ex));
		}
		finally {
			this.backlog.refresh();
		}
	}

	private Outcome sendNext() {
		Optional<Notification> due = this.notifications.lockNextDue(this.clock.instant());
		if (due.isEmpty()) {
			return Outcome.NONE_DUE;
		}
		Notification notification = due.get();
		// Continues the trace of the event the notification answers.
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
		context.setCarrier((notification.getTraceparent() != null)
				? Map.of("traceparent", notification.getTraceparent()) : Map.of());
		Observation observation = Observation
			.createNotStarted("notification.email.delivery", () -> context, this.observations)
			.contextualName("email " + notification.getEventType())
			.lowCardinalityKeyValue("type", notification.getEventType())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			Outcome outcome = send(notification, observation);
			observation.lowCardinalityKeyValue("outcome", outcome.name());
			return outcome;
		}
		finally {
			observation.stop();
		}
	}

	private Outcome send(Notification notification, Observation observation) {
		try {
			this.mailer.send(notification.email(), notification.getId().toString());
		}
		catch (MailParseException | MailPreparationException ex) {
			observation.error(ex);
			notification.markUndeliverable(reason(ex));
			logger.error(
					"Could not make the email of {} of order {} (event {}) into a message; it will not be sent: {}",
					notification.getEventType(), notification.getOrderId(), notification.getEventId(), reason(ex));
			return Outcome.UNDELIVERABLE;
		}
		catch (MailException ex) {
			if (!(ex instanceof MailSendException send) || !send.getFailedMessages().isEmpty()) {
				observation.error(ex);
				return retryLater(notification, ex, unreachable(ex));
			}
			// Sent: only closing the connection afterwards failed.
			logger.warn("The mail server took the email of event {} but the connection did not close: {}",
					notification.getEventId(), reason(ex));
		}
		catch (RuntimeException ex) {
			// Unexpected, and perhaps only for this email: it waits its turn again
			// rather than holding up the ones behind it.
			observation.error(ex);
			logger.error("Sending the email of event {} failed unexpectedly", notification.getEventId(), ex);
			return retryLater(notification, ex, false);
		}
		notification.markSent(this.clock.instant());
		Counter counter = this.sent.get(notification.getEventType());
		if (counter != null) {
			counter.increment();
		}
		logger.info("Emailed {} of order {} (event {})", notification.getEventType(), notification.getOrderId(),
				notification.getEventId());
		return Outcome.SENT;
	}

	private Outcome retryLater(Notification notification, RuntimeException ex, boolean unreachable) {
		Instant next = this.clock.instant().plus(this.properties.retry().delayAfter(notification.getAttempts() + 1));
		notification.markAttemptFailed(reason(ex), next);
		logger.warn("Could not email {} of order {} (event {}, attempt {}): {}; trying again at {}",
				notification.getEventType(), notification.getOrderId(), notification.getEventId(),
				notification.getAttempts(), reason(ex), next);
		return unreachable ? Outcome.SERVER_UNAVAILABLE : Outcome.REFUSED;
	}

	// JavaMailSenderImpl gives a failure to connect (or to log in) the cause; a message
	// the server refused is only listed among the failed messages.
	private static boolean unreachable(MailException ex) {
		return ex instanceof MailAuthenticationException || ex.getCause() != null;
	}

	private static String reason(Exception ex) {
		Throwable failure = ex;
		if (ex instanceof MailSendException send && send.getCause() == null && send.getMessageExceptions().length > 0) {
			// The server's answer to the message, rather than Spring's summary of them
			// all.
			failure = send.getMessageExceptions()[0];
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private static Counter sentCounter(MeterRegistry meterRegistry, String type) {
		return Counter.builder("notifications.sent")
			.description("Emails handed to the mail server, by order event type")
			.tag("type", type)
			.register(meterRegistry);
	}

	private enum Outcome {

		SENT, REFUSED, UNDELIVERABLE, SERVER_UNAVAILABLE, NONE_DUE

	}

}
