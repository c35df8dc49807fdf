package dev.cloudshop.notification.notification;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.notification.NotificationServiceTest;
import dev.cloudshop.notification.email.Email;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.cloudshop.notification.RecordedNotifications.listNotifications;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@NotificationServiceTest
class NotificationControllerIntegrationTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Autowired
	RestTestClient client;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Test
	void listsTheNotificationsOfAnOrderOldestFirst() {
		String orderId = uniqueId();
		Notification placed = addSent(new Notification(uniqueId(), orderId, "OrderProcessed",
				email("ada@example.com", "Your order is on its way"), null, this.clock.instant()));
		Notification failed = addSent(new Notification(uniqueId(), orderId, "OrderFailed",
				email("ada@example.com", "We could not complete your order"), null, this.clock.instant()));
		addSent(new Notification(uniqueId(), uniqueId(), "OrderProcessed",
				email("bob@example.com", "Your order is on its way"), null, this.clock.instant()));
		assertThat(failed.getCreatedAt()).isAfter(placed.getCreatedAt());

		listNotifications(this.client, orderId).expectStatus()
			.isOk()
			.expectBody()
			.json("""
					[
					  {
					    "id": "%s",
					    "eventId": "%s",
					    "orderId": "%s",
					    "eventType": "OrderProcessed",
					    "channel": "EMAIL",
					    "recipient": "ada@example.com",
					    "subject": "Your order is on its way",
					    "status": "SENT",
					    "createdAt": "%s",
					    "sentAt": "%s"
					  },
					  {
					    "id": "%s",
					    "eventId": "%s",
					    "orderId": "%s",
					    "eventType": "OrderFailed",
					    "channel": "EMAIL",
					    "recipient": "ada@example.com",
					    "subject": "We could not complete your order",
					    "status": "SENT",
					    "createdAt": "%s",
					    "sentAt": "%s"
					  }
					]
					""".formatted(placed.getId(), placed.getEventId(), orderId, placed.getCreatedAt(),
					placed.getSentAt(), failed.getId(), failed.getEventId(), orderId, failed.getCreatedAt(),
					failed.getSentAt()), JsonCompareMode.STRICT);
	}

	@Test
	void listsNothingForAnOrderWithoutNotifications() {
		listNotifications(this.client, uniqueId()).expectStatus()
			.isOk()
			.expectBody()
			.json("[]", JsonCompareMode.STRICT);
	}

	@Test
	void storesAtMostOneNotificationPerEvent() {
		String eventId = uniqueId();
		String orderId = uniqueId();
		Notification first = new Notification(eventId, orderId, "OrderProcessed",
				email("ada@example.com", "Your order is on its way"), null, this.clock.instant());
		Notification again = new Notification(eventId, orderId, "OrderProcessed",
				new Email("ada@example.com", "Your order is on its way", "Hello again", "<p>Hello again</p>"), null,
				this.clock.instant());

		Boolean added = this.transaction.execute((status) -> this.notifications.addIfAbsent(first));
		Boolean addedAgain = this.transaction.execute((status) -> this.notifications.addIfAbsent(again));

		assertThat(added).isTrue();
		assertThat(addedAgain).isFalse();

		assertThat(this.notifications.findByOrderIdOrderByCreatedAtAsc(orderId)).singleElement().satisfies((stored) -> {
			assertThat(stored.getId()).isEqualTo(first.getId());
			assertThat(stored.getBody()).isEqualTo("Hello");
		});
	}

	@Test
	void returnsBadRequestProblemWithoutOrderId() {
		assertThatProblem(this.client.get().uri("/api/notifications").header("traceparent", TRACEPARENT).exchange())
			.hasStatus(400)
			.hasType("validation-failed")
			.hasField("orderId")
			.hasDetail("orderId is required")
			.hasMember("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void returnsBadRequestProblemForBlankOrderId() {
		assertThatProblem(
				this.client.get().uri("/api/notifications?orderId=").header("traceparent", TRACEPARENT).exchange())
			.hasStatus(400)
			.hasType("validation-failed")
			.hasField("orderId")
			.hasDetail("orderId must not be blank");
	}

	@Test
	void returnsNotFoundProblemForAnUnknownPath() {
		assertThatProblem(this.client.get().uri("/api/notifications/nothing-here").exchange()).hasStatus(404)
			.hasType("not-found")
			.hasInstance("/api/notifications/nothing-here");
	}

	@Test
	void returnsMethodNotAllowedProblemForAPost() {
		assertThatProblem(this.client.post().uri("/api/notifications?orderId={orderId}", uniqueId()).exchange())
			.hasStatus(405)
			.hasType("method-not-allowed");
	}

	// Sent in the transaction that adds it: the email sender never sees it pending.
	private Notification addSent(Notification notification) {
		return this.transaction.execute((status) -> {
			this.notifications.addIfAbsent(notification);
			Notification stored = this.notifications.findByEventId(notification.getEventId()).orElseThrow();
			stored.markSent(this.clock.instant());
			return stored;
		});
	}

	private static Email email(String to, String subject) {
		return new Email(to, subject, "Hello", "<p>Hello</p>");
	}

	private static String uniqueId() {
		return UUID.randomUUID().toString();
	}

}
