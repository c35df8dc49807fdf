package dev.cloudshop.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cloudshop.notification.NotificationServiceTest;
import dev.cloudshop.notification.OrderEventsClient;
import dev.cloudshop.notification.RealSmtp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.notification.RecordedNotifications.listNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationServiceTest
@ExtendWith(OutputCaptureExtension.class)
class OrderEventsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@RegisterExtension
	static final OrderEventsClient kafka = OrderEventsClient.onTestKafka();

	@Autowired
	RestTestClient client;

	@Autowired
	Notifications notifications;

	@Autowired
	MeterRegistry meterRegistry;

	@Test
	void emailsAConfirmationWithTextAndHtmlForAProcessedOrder() throws Exception {
		String orderId = uniqueId();
		String email = uniqueEmail();
		kafka.send(orderId, headers("OrderProcessed"), orderProcessed(orderId, email));

		MimeMessage message = awaitOneEmailTo(email);

		assertThat(message.getSubject()).isEqualTo("Your order " + orderId + " is confirmed");
		assertThat(message.getFrom()).extracting(Object::toString).containsExactly("shop@cloudshop.dev");
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		BodyPart text = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(text.getContentType()).startsWith("text/plain");
		assertThat((String) text.getContent()).contains("Order " + orderId + " is confirmed")
			.contains("2 x SKU-BOOTS at 89.00 EUR = 178.00 EUR")
			.contains("1 x SKU-SOCKS at 34.50 EUR = 34.50 EUR")
			.contains("Total: 212.50 EUR");
		assertThat(html.getContentType()).startsWith("text/html");
		assertThat((String) html.getContent())
			.contains("<tr><td>SKU-BOOTS</td><td align=\"right\">2</td><td align=\"right\">89.00 EUR</td>")
			.contains("<th align=\"right\">212.50 EUR</th>");
		assertThat(awaitNotifications(orderId, 1)).singleElement().satisfies((notification) -> {
			assertThat(notification.getEventType()).isEqualTo("OrderProcessed");
			assertThat(notification.getRecipient()).isEqualTo(email);
			assertThat(notification.getSubject()).isEqualTo("Your order " + orderId + " is confirmed");
			assertThat(notification.getBody()).contains("Total: 212.50 EUR");
			assertThat(notification.getChannel()).isEqualTo(Notification.Channel.EMAIL);
			assertThat(notification.getSentAt()).isAfterOrEqualTo(notification.getCreatedAt());
		});
	}

	@Test
	void emailsTheReasonInWordsForAFailedOrder() throws Exception {
		String orderId = uniqueId();
		String email = uniqueEmail();
		kafka.send(orderId, headers("OrderFailed"), orderFailed(orderId, email, "OUT_OF_STOCK"));

		MimeMessage message = awaitOneEmailTo(email);

		assertThat(message.getSubject()).isEqualTo("Your order " + orderId + " could not be completed");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat((String) parts.getBodyPart(0).getContent())
			.contains("Some of the items you ordered are out of stock.")
			.doesNotContain("OUT_OF_STOCK")
			.doesNotContain("SKU-BOOTS has 1 left");
		assertThat((String) parts.getBodyPart(1).getContent())
			.contains("Some of the items you ordered are out of stock.");
		assertThat(awaitNotifications(orderId, 1)).singleElement()
			.extracting(Notification::getEventType)
			.isEqualTo("OrderFailed");
	}

	@Test
	void notifiesAnEventDeliveredTwiceOnce() {
		String orderId = uniqueId();
		String email = uniqueEmail();
		Map<String, String> headers = headers("OrderProcessed");
		kafka.send(orderId, headers, orderProcessed(orderId, email));
		kafka.send(orderId, headers, orderProcessed(orderId, email));
		// Same key, same partition: once this one is notified, both before it
		// were handled.
		String later = uniqueEmail();
		Map<String, String> laterHeaders = headers("OrderFailed");
		kafka.send(orderId, laterHeaders, orderFailed(orderId, later, "PAYMENT_DECLINED"));

		awaitOneEmailTo(later);

		assertThat(RealSmtp.messagesTo(email)).hasSize(1);
		assertThat(awaitNotifications(orderId, 2)).extracting(Notification::getEventId)
			.containsExactly(headers.get("ce_id"), laterHeaders.get("ce_id"));
	}

	@Test
	void notifiesEachOfTwoEventsOfOneOrder() {
		String orderId = uniqueId();
		String email = uniqueEmail();
		kafka.send(orderId, headers("OrderFailed"), orderFailed(orderId, email, "DEPENDENCY_UNAVAILABLE"));
		kafka.send(orderId, headers("OrderProcessed"), orderProcessed(orderId, email));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(RealSmtp.messagesTo(email)).hasSize(2));

		assertThat(awaitNotifications(orderId, 2)).extracting(Notification::getEventType)
			.containsExactly("OrderFailed", "OrderProcessed");
	}

	@Test
	void ignoresFieldsItDoesNotKnow() throws Exception {
		String orderId = uniqueId();
		String email = uniqueEmail();
		String withExtras = """
				{"orderId": "%s", "customerId": "c-1", "email": "%s", "loyaltyTier": "GOLD",
				 "lines": [{"sku": "SKU-BOOTS", "quantity": 1, "unitPrice": 89.00, "giftWrap": true}],
				 "total": 89.00, "currency": "EUR", "paymentId": "p-1", "processedAt": "2026-11-22T10:00:00Z",
				 "shipping": {"carrier": "DHL", "eta": "2026-11-25"}}
				""".formatted(orderId, email);
		kafka.send(orderId, headers("OrderProcessed"), withExtras);

		MimeMessage message = awaitOneEmailTo(email);

		assertThat(message.getSubject()).isEqualTo("Your order " + orderId + " is confirmed");
	}

	@Test
	void continuesTheTraceOfTheEvent(CapturedOutput output) {
		String orderId = uniqueId();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		kafka.send(orderId, OrderEventsClient.cloudEventHeaders(uniqueId(), "OrderFailed", traceId),
				orderFailed(orderId, uniqueEmail(), "PAYMENT_FAILED"));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(output.getOut().lines())
				.anySatisfy((line) -> assertThat(line).contains("[notification-service," + traceId + ",")
					.contains("Emailed OrderFailed of order " + orderId)));
	}

	@Test
	void deadLettersUnreadableRecordsAndGoesOnWithTheNext() {
		double deadLettersBefore = this.meterRegistry.counter("order.events.dead.lettered").count();
		String orderId = uniqueId();
		kafka.send(orderId, headers("OrderProcessed"), "this is not JSON");
		Map<String, String> withoutId = new HashMap<>(headers("OrderProcessed"));
		withoutId.remove("ce_id");
		kafka.send(orderId, withoutId, orderProcessed(orderId, uniqueEmail()));
		kafka.send(orderId, headers("OrderShipped"), orderProcessed(orderId, uniqueEmail()));
		kafka.send(orderId, headers("OrderProcessed"), "{\"orderId\": \"" + orderId + "\", \"lines\": []}");
		String email = uniqueEmail();
		kafka.send(orderId, headers("OrderProcessed"), orderProcessed(orderId, email));

		awaitOneEmailTo(email);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.deadLetters(orderId)).hasSize(4));

		List<ConsumerRecord<String, byte[]>> deadLetters = kafka.deadLetters(orderId);
		assertThat(deadLetters).extracting((record) -> new String(record.value(), StandardCharsets.UTF_8))
			.first()
			.isEqualTo("this is not JSON");
		assertThat(deadLetters).extracting((record) -> header(record, "kafka_dlt-exception-message"))
			.satisfiesExactly((notJson) -> assertThat(notJson).contains("is not a JSON OrderProcessed"),
					(noId) -> assertThat(noId).contains("has no ce_id header"),
					(unknownType) -> assertThat(unknownType).contains("unknown type OrderShipped"),
					(missingFields) -> assertThat(missingFields).contains("email must not be blank")
						.contains("lines must not be empty")
						.contains("total must not be null"));
		assertThat(deadLetters).extracting((record) -> header(record, "kafka_dlt-original-topic"))
			.containsOnly(OrderEventsClient.TOPIC);
		assertThat(awaitNotifications(orderId, 1)).singleElement()
			.extracting(Notification::getRecipient)
			.isEqualTo(email);
		assertThat(this.meterRegistry.counter("order.events.dead.lettered").count())
			.isGreaterThanOrEqualTo(deadLettersBefore + 4);
	}

	@Test
	void listsTheNotificationsRecordedFromEvents() {
		String orderId = uniqueId();
		String email = uniqueEmail();
		kafka.send(orderId, headers("OrderProcessed"), orderProcessed(orderId, email));
		awaitOneEmailTo(email);
		Notification notification = awaitNotifications(orderId, 1).get(0);

		listNotifications(this.client, orderId).expectStatus()
			.isOk()
			.expectBody()
			.json("""
					[{"eventId": "%s", "orderId": "%s", "eventType": "OrderProcessed", "channel": "EMAIL",
					  "recipient": "%s", "subject": "Your order %s is confirmed", "createdAt": "%s", "sentAt": "%s"}]
					""".formatted(notification.getEventId(), orderId, email, orderId, notification.getCreatedAt(),
					notification.getSentAt()), JsonCompareMode.LENIENT);
	}

	@Test
	void countsTheEmailsSentByEventType() {
		String orderId = uniqueId();
		String email = uniqueEmail();
		double before = this.meterRegistry.counter("notifications.sent", "type", "OrderFailed").count();
		kafka.send(orderId, headers("OrderFailed"), orderFailed(orderId, email, "SOMETHING_NEW"));
		awaitOneEmailTo(email);

		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(this.meterRegistry.counter("notifications.sent", "type", "OrderFailed").count())
						.isGreaterThanOrEqualTo(before + 1));
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("notifications_sent_total{type=\"OrderFailed\"}")
				.contains("notifications_sent_total{type=\"OrderProcessed\"}")
				.contains("kafka_consumer_fetch_manager_records_consumed_total")
				.contains("spring_kafka_listener_seconds_count"));
	}

	@Test
	void measuresHowLongAnEventTookToArriveFromItsTime() {
		String orderId = uniqueId();
		String email = uniqueEmail();
		double withinObjectiveBefore = deliveredWithinSixtySeconds();
		Map<String, String> headers = new HashMap<>(headers("OrderProcessed"));
		headers.put("ce_time", Instant.now().toString());
		kafka.send(orderId, headers, orderProcessed(orderId, email));
		awaitNotifications(orderId, 1);

		assertThat(deliveredWithinSixtySeconds()).isGreaterThanOrEqualTo(withinObjectiveBefore + 1);
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("order_events_delivery_lag_seconds_bucket{le=\"60.0\"}")
				.contains("order_events_delivery_lag_seconds_count"));
	}

	private double deliveredWithinSixtySeconds() {
		return Arrays
			.stream(this.meterRegistry.get("order.events.delivery.lag").timer().takeSnapshot().histogramCounts())
			.filter((bucket) -> bucket.bucket(TimeUnit.SECONDS) == 60)
			.findFirst()
			.orElseThrow()
			.count();
	}

	// The email goes out before the transaction that marks it sent commits.
	private List<Notification> awaitNotifications(String orderId, int count) {
		return await().atMost(PATIENCE)
			.until(() -> this.notifications.findByOrderIdOrderByCreatedAtAsc(orderId), (found) -> found.size() == count
					&& found.stream().allMatch((notification) -> notification.getSentAt() != null));
	}

	private static MimeMessage awaitOneEmailTo(String email) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(RealSmtp.messagesTo(email)).hasSize(1));
		return RealSmtp.messagesTo(email).get(0);
	}

	private static Map<String, String> headers(String type) {
		return OrderEventsClient.cloudEventHeaders(uniqueId(), type);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static String orderProcessed(String orderId, String email) {
		return """
				{"orderId": "%s", "customerId": "c-1", "email": "%s",
				 "lines": [{"sku": "SKU-BOOTS", "quantity": 2, "unitPrice": 89.00},
				           {"sku": "SKU-SOCKS", "quantity": 1, "unitPrice": 34.50}],
				 "total": 212.50, "currency": "EUR", "paymentId": "p-1", "processedAt": "2026-11-22T10:00:00Z"}
				""".formatted(orderId, email);
	}

	private static String orderFailed(String orderId, String email, String reason) {
		return """
				{"orderId": "%s", "customerId": "c-1", "email": "%s", "reason": "%s",
				 "detail": "SKU-BOOTS has 1 left", "failedAt": "2026-11-22T10:00:00Z"}
				""".formatted(orderId, email, reason);
	}

	private static String uniqueId() {
		return UUID.randomUUID().toString();
	}

	private static String uniqueEmail() {
		return "customer-" + UUID.randomUUID() + "@example.com";
	}

}
