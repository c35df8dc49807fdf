package dev.cloudshop.notification.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cloudshop.notification.NotificationServiceTest;
import dev.cloudshop.notification.OrderEventsClient;
import dev.cloudshop.notification.RealSmtp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.notification.RecordedNotifications.notificationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail server down while order events arrive: the events are recorded and their
 * offsets move on, nothing valid reaches the dead-letter topic, and once the server is
 * back each event gets its one email.
 */
@NotificationServiceTest
class MailServerOutageIntegrationTests {

	// Well beyond 15 s, what retries after 1, 2, 4 and 8 s add up to: the time a listener
	// that retried its sends would have given an event before dead-lettering it.
	private static final Duration OUTAGE = Duration.ofSeconds(25);

	// The sender's back-off reaches 16 s, then 32 s, during such an outage.
	private static final Duration RECOVERY = Duration.ofSeconds(60);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@RegisterExtension
	static final OrderEventsClient kafka = OrderEventsClient.onTestKafka();

	@Autowired
	RestTestClient client;

	@Autowired
	Notifications notifications;

	@Test
	void keepsTheEventsOfAnOutageAndEmailsEachOnceWhenTheMailServerIsBack() {
		// One order, so one partition: each event waits behind the one before it, as it
		// did while the retries of the first one went on.
		String orderId = uniqueId();
		List<Event> events = IntStream.range(0, 6)
			.mapToObj((i) -> new Event(orderId, uniqueEmail(), uniqueId(),
					(i % 2 == 0) ? "OrderProcessed" : "OrderFailed"))
			.toList();
		awaitTheListenerAtWork();
		RealSmtp.stop();
		try {
			events.forEach(this::publish);

			await().during(OUTAGE)
				.atMost(OUTAGE.plusSeconds(10))
				.untilAsserted(() -> assertThat(kafka.deadLetters(orderId)).isEmpty());
			Map<Object, Map<String, Object>> recorded = byEventId(notificationsOf(this.client, orderId));
			assertThat(events).allSatisfy((event) -> assertThat(recorded.get(event.eventId())).isNotNull()
				.containsEntry("recipient", event.email())
				.containsEntry("status", "PENDING")
				.containsEntry("sentAt", null));
			assertThat(gauge("notification_emails_pending")).isGreaterThanOrEqualTo(events.size());
			assertThat(gauge("notification_email_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(15);
		}
		finally {
			RealSmtp.start();
		}

		await().atMost(RECOVERY).untilAsserted(() -> {
			Map<Object, Map<String, Object>> recorded = byEventId(notificationsOf(this.client, orderId));
			assertThat(events).allSatisfy((event) -> {
				assertThat(RealSmtp.messagesTo(event.email())).hasSize(1);
				assertThat(recorded.get(event.eventId())).isNotNull().containsEntry("status", "SENT");
			});
		});
		// No second email comes later, and each event has its one notification.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(events)
				.allSatisfy((event) -> assertThat(RealSmtp.messagesTo(event.email())).hasSize(1)));
		assertThat(this.notifications.findByOrderIdOrderByCreatedAtAsc(orderId)).extracting(Notification::getEventId)
			.containsExactlyInAnyOrderElementsOf(events.stream().map(Event::eventId).toList());
		assertThat(kafka.deadLetters(orderId)).isEmpty();
	}

	@Test
	void deadLettersAPoisonRecordAtOnceAndGoesOnWithTheNextWhileTheMailServerIsDown() {
		String orderId = uniqueId();
		Event valid = new Event(orderId, uniqueEmail(), uniqueId(), "OrderFailed");
		awaitTheListenerAtWork();
		RealSmtp.stop();
		try {
			kafka.send(orderId, OrderEventsClient.cloudEventHeaders(uniqueId(), "OrderProcessed"), "this is not JSON");
			// Same key, same partition: right behind the poison record.
			publish(valid);

			// At once: far sooner than any retry would end.
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(kafka.deadLetters(orderId)).hasSize(1));
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(notificationsOf(this.client, orderId)).singleElement()
					.satisfies((notification) -> assertThat(notification).containsEntry("eventId", valid.eventId())
						.containsEntry("status", "PENDING")));
		}
		finally {
			RealSmtp.start();
		}

		await().atMost(RECOVERY).untilAsserted(() -> assertThat(RealSmtp.messagesTo(valid.email())).hasSize(1));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.untilAsserted(() -> assertThat(kafka.deadLetters(orderId)).hasSize(1));
	}

	// An event notified end to end: the consumer has its partitions, and what comes next
	// is read at once.
	private void awaitTheListenerAtWork() {
		Event event = new Event(uniqueId(), uniqueEmail(), uniqueId(), "OrderFailed");
		publish(event);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(RealSmtp.messagesTo(event.email())).hasSize(1));
	}

	private void publish(Event event) {
		String value = "OrderProcessed".equals(event.type()) ? """
				{"orderId": "%s", "email": "%s", "lines": [{"sku": "SKU-BOOTS", "quantity": 1, "unitPrice": 89.00}],
				 "total": 89.00, "currency": "EUR"}
				""".formatted(event.orderId(), event.email()) : """
				{"orderId": "%s", "email": "%s", "reason": "OUT_OF_STOCK"}
				""".formatted(event.orderId(), event.email());
		kafka.send(event.orderId(), OrderEventsClient.cloudEventHeaders(event.eventId(), event.type()), value);
	}

	private static Map<Object, Map<String, Object>> byEventId(List<Map<String, Object>> notifications) {
		return notifications.stream()
			.collect(Collectors.toMap((notification) -> notification.get("eventId"), Function.identity()));
	}

	private double gauge(String name) {
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return metrics.lines()
			.filter((line) -> line.startsWith(name + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(name.length() + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No gauge " + name));
	}

	private static String uniqueId() {
		return UUID.randomUUID().toString();
	}

	private static String uniqueEmail() {
		return "customer-" + UUID.randomUUID() + "@example.com";
	}

	private record Event(String orderId, String email, String eventId, String type) {
	}

}
