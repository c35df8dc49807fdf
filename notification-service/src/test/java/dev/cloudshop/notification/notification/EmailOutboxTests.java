package dev.cloudshop.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;
import org.mockito.BDDMockito.BDDMyOngoingStubbing;

import dev.cloudshop.notification.email.Email;
import dev.cloudshop.notification.email.Mailer;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class EmailOutboxTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456Z");

	private final Notifications notifications = mock();

	private final Mailer mailer = mock();

	private final EmailBacklog backlog = mock();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final EmailOutbox outbox = new EmailOutbox(this.notifications, this.mailer,
			new DeliveryProperties(Duration.ofSeconds(1), 10,
					new DeliveryProperties.Retry(Duration.ofSeconds(1), 2, Duration.ofMinutes(1))),
			new TransactionTemplate(mock(PlatformTransactionManager.class)), this.backlog, ObservationRegistry.NOOP,
			this.meterRegistry, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void marksAnEmailTheServerTookSentAndCountsIt() {
		Notification notification = notification("ada@example.com");
		dueInTurn(notification);

		this.outbox.sendDue();

		then(this.mailer).should().send(email("ada@example.com"), notification.getId().toString());
		assertThat(notification.getStatus()).isEqualTo(Notification.Status.SENT);
		assertThat(notification.getSentAt()).isEqualTo(NOW);
		assertThat(this.meterRegistry.counter("notifications.sent", "type", "OrderFailed").count()).isOne();
		then(this.backlog).should().refresh();
	}

	@Test
	void triesAgainLaterAndEndsTheRunWhenTheServerCannotBeReached() {
		Notification first = notification("ada@example.com");
		Notification second = notification("bob@example.com");
		dueInTurn(first, second);
		willThrow(connectionFailed("Couldn't connect to host")).given(this.mailer).send(any(), anyString());

		this.outbox.sendDue();

		assertThat(first.getStatus()).isEqualTo(Notification.Status.PENDING);
		assertThat(first.getAttempts()).isOne();
		assertThat(first.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(first.getLastError()).contains("Couldn't connect to host");
		then(this.mailer).should(times(1)).send(any(), anyString());
		assertThat(second.getAttempts()).isZero();
	}

	@Test
	void waitsLongerAfterEachFailedAttempt() {
		Notification notification = notification("ada@example.com");
		given(this.notifications.lockNextDue(any())).willReturn(Optional.of(notification));
		willThrow(connectionFailed("Connection refused")).given(this.mailer).send(any(), anyString());

		this.outbox.sendDue();
		this.outbox.sendDue();
		this.outbox.sendDue();

		assertThat(notification.getAttempts()).isEqualTo(3);
		assertThat(notification.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(4));
	}

	@Test
	void goesOnWithTheNextEmailWhenTheServerRefusedOne() {
		Notification refused = sendDueFailingTheFirstOfTwo(
				new MailSendException(Map.of(new Object(), new SendFailedException("550 5.1.1 No such user"))));

		assertThat(refused.getStatus()).isEqualTo(Notification.Status.PENDING);
		assertThat(refused.getLastError()).isEqualTo("SendFailedException: 550 5.1.1 No such user");
	}

	@Test
	void givesUpOnlyOnAnEmailThatCannotBeMadeIntoAMessage() {
		Notification broken = sendDueFailingTheFirstOfTwo(new MailPreparationException("Illegal address"));

		assertThat(broken.getStatus()).isEqualTo(Notification.Status.UNDELIVERABLE);
	}

	@Test
	void triesAnEmailThatFailedUnexpectedlyAgainLaterWithoutHoldingUpTheNext() {
		Notification failing = sendDueFailingTheFirstOfTwo(new IllegalStateException("Unexpected"));

		assertThat(failing.getStatus()).isEqualTo(Notification.Status.PENDING);
		assertThat(failing.getAttempts()).isOne();
	}

	@Test
	void marksSentWhenOnlyClosingTheConnectionAfterwardsFailed() {
		Notification notification = notification("ada@example.com");
		dueInTurn(notification);
		willThrow(new MailSendException("Failed to close server connection after message sending",
				new MessagingException("421 closing")))
			.given(this.mailer)
			.send(any(), anyString());

		this.outbox.sendDue();

		assertThat(notification.getStatus()).isEqualTo(Notification.Status.SENT);
	}

	@Test
	void leavesEverythingPendingWhenTheDatabaseIsDown() {
		given(this.notifications.lockNextDue(any()))
			.willThrow(new DataAccessResourceFailureException("Connection refused"));

		this.outbox.sendDue();

		then(this.mailer).should(never()).send(any(), anyString());
		then(this.backlog).should().refresh();
	}

	// The outbox finds these due, one after the other, then none.
	private void dueInTurn(Notification... due) {
		BDDMyOngoingStubbing<Optional<Notification>> next = given(this.notifications.lockNextDue(any()));
		for (Notification notification : due) {
			next = next.willReturn(Optional.of(notification));
		}
		next.willReturn(Optional.empty());
	}

	// Two emails due, the first failing as given: checks that the second is sent anyway
	// and returns the first.
	private Notification sendDueFailingTheFirstOfTwo(Exception failure) {
		Notification first = notification("nobody@example.com");
		Notification next = notification("ada@example.com");
		dueInTurn(first, next);
		willThrow(failure).given(this.mailer).send(eq(email("nobody@example.com")), anyString());

		this.outbox.sendDue();

		assertThat(next.getStatus()).isEqualTo(Notification.Status.SENT);
		return first;
	}

	// As JavaMailSenderImpl reports it: the cause, and every message failed.
	private static MailSendException connectionFailed(String message) {
		MessagingException cause = new MessagingException(message);
		return new MailSendException("Mail server connection failed", cause, Map.of(new Object(), cause));
	}

	private static Notification notification(String to) {
		return new Notification("e-" + to, "o-1", "OrderFailed", email(to), null, NOW.minusSeconds(60));
	}

	private static Email email(String to) {
		return new Email(to, "Your order o-1 could not be completed", "Hello", "<p>Hello</p>");
	}

}
