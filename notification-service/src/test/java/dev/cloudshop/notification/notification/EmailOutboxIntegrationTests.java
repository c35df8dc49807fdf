package dev.cloudshop.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.cloudshop.notification.NotificationServiceTest;
import dev.cloudshop.notification.RealSmtp;
import dev.cloudshop.notification.email.Email;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationServiceTest
class EmailOutboxIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	EmailOutbox outbox;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void sendsEachPendingEmailOnceWhileSeveralSendersRun() throws Exception {
		List<Notification> pending = IntStream.range(0, 40).mapToObj((i) -> notification(uniqueEmail())).toList();
		this.transaction.executeWithoutResult((status) -> pending.forEach(this.notifications::addIfAbsent));

		// As many instances would, beside this one's own schedule.
		ExecutorService senders = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> runs = IntStream.range(0, 4).<Future<?>>mapToObj((i) -> senders.submit(() -> {
				start.await();
				this.outbox.sendDue();
				return null;
			})).toList();
			start.countDown();
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			senders.shutdownNow();
		}

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(pending)
				.allSatisfy((notification) -> assertThat(this.notifications.findByEventId(notification.getEventId()))
					.hasValueSatisfying(
							(stored) -> assertThat(stored.getStatus()).isEqualTo(Notification.Status.SENT))));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(pending)
				.allSatisfy((notification) -> assertThat(RealSmtp.messagesTo(notification.getRecipient())).hasSize(1)));
		assertThat(pending)
			.allSatisfy((notification) -> assertThat(this.notifications.findByEventId(notification.getEventId()))
				.hasValueSatisfying((stored) -> assertThat(stored.getAttempts()).isOne()));
	}

	@Test
	void givesTheEmailTheMessageIdOfItsNotification() throws Exception {
		Notification notification = notification(uniqueEmail());
		this.transaction.executeWithoutResult((status) -> this.notifications.addIfAbsent(notification));

		MimeMessage message = awaitEmails(notification.getRecipient(), 1).get(0);

		assertThat(message.getMessageID()).isEqualTo("<" + notification.getId() + "@cloudshop.dev>");
	}

	// The at-least-once edge: the server took the email, but the service died before it
	// recorded that. The repeat is the same message to the mail stores.
	@Test
	void sendsTheEmailAgainWithTheSameMessageIdWhenItsSendingWasNotRecorded() throws Exception {
		Notification notification = notification(uniqueEmail());
		this.transaction.executeWithoutResult((status) -> this.notifications.addIfAbsent(notification));
		awaitEmails(notification.getRecipient(), 1);
		await().atMost(PATIENCE)
			.until(() -> this.notifications.findByEventId(notification.getEventId()).orElseThrow().getStatus(),
					Notification.Status.SENT::equals);

		this.jdbc.update(
				"update notification set status = 'PENDING', sent_at = null, next_attempt_at = now() where id = ?",
				notification.getId());

		List<MimeMessage> messages = awaitEmails(notification.getRecipient(), 2);
		assertThat(messages.get(1).getMessageID()).isEqualTo(messages.get(0).getMessageID());
	}

	private static List<MimeMessage> awaitEmails(String address, int count) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(RealSmtp.messagesTo(address)).hasSize(count));
		return RealSmtp.messagesTo(address);
	}

	private Notification notification(String to) {
		String orderId = UUID.randomUUID().toString();
		return new Notification(UUID.randomUUID().toString(), orderId, "OrderFailed",
				new Email(to, "Your order " + orderId + " could not be completed", "Hello", "<p>Hello</p>"), null,
				this.clock.instant());
	}

	private static String uniqueEmail() {
		return "customer-" + UUID.randomUUID() + "@example.com";
	}

}
