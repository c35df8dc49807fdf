package dev.cloudshop.notification.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cloudshop.notification.NotificationServiceTest;
import dev.cloudshop.notification.OrderEventsClient;
import dev.cloudshop.notification.RealSmtp;
import dev.cloudshop.testinfra.ProblemAssert;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static dev.cloudshop.notification.RecordedNotifications.notificationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationServiceTest
class DeadLetterControllerIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Instant FAILED_AT = Instant.parse("2026-11-22T10:00:05Z");

	@RegisterExtension
	static final OrderEventsClient kafka = OrderEventsClient.onTestKafka();

	@Autowired
	RestTestClient client;

	@Autowired
	DeadLetterBacklog backlog;

	@Autowired
	MeterRegistry meters;

	@Test
	void listsADeadLetterWithWhereItCameFromAndWhyItFailed() {
		DeadLettered event = deadLetterAValidEvent();

		this.client.get()
			.uri("/admin/dead-letters?partition={partition}&fromOffset={offset}&limit=1", event.partition(),
					event.offset())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					[{"partition": %d, "offset": %d, "key": "%s", "eventId": "%s", "eventType": "OrderFailed",
					  "valueSize": %d, "originalTopic": "order-events", "originalPartition": 2, "originalOffset": 42,
					  "originalTimestamp": "%s", "exception": "org.springframework.mail.MailSendException",
					  "reason": "Mail server connection failed", "replayedAt": null}]
					""".formatted(event.partition(), event.offset(), event.orderId(), event.eventId(),
					event.value().getBytes(StandardCharsets.UTF_8).length, FAILED_AT), JsonCompareMode.LENIENT)
			.jsonPath("$[0].timestamp")
			.exists()
			.jsonPath("$[0].value")
			.doesNotExist();
	}

	@Test
	void listsWhatTheServiceDeadLettered() {
		String orderId = uniqueId();
		String eventId = uniqueId();
		kafka.send(orderId, OrderEventsClient.cloudEventHeaders(eventId, "OrderShipped"), "{}");
		ConsumerRecord<String, byte[]> deadLetter = await().atMost(PATIENCE)
			.until(() -> kafka.deadLetters(orderId), (found) -> found.size() == 1)
			.get(0);

		List<Map<String, Object>> listed = list(deadLetter.partition(), deadLetter.offset(), 1);

		assertThat(listed).singleElement().satisfies((view) -> {
			assertThat(view).containsEntry("key", orderId)
				.containsEntry("eventId", eventId)
				.containsEntry("eventType", "OrderShipped")
				.containsEntry("originalTopic", OrderEventsClient.TOPIC)
				.containsEntry("exception", "dev.cloudshop.notification.notification.UnreadableEventException");
			assertThat((String) view.get("reason")).contains("Event " + eventId + " has the unknown type OrderShipped");
		});
	}

	@Test
	void replaysADeadLetteredEventOnce() {
		DeadLettered event = deadLetterAValidEvent();

		replay(event.partition(), event.offset()).expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"replayed": [{"partition": %d, "offset": %d, "key": "%s", "eventId": "%s",
					  "eventType": "OrderFailed", "topic": "order-events"}],
					 "alreadyReplayed": []}
					""".formatted(event.partition(), event.offset(), event.orderId(), event.eventId()),
					JsonCompareMode.LENIENT);
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(RealSmtp.messagesTo(event.email())).hasSize(1);
			assertThat(notificationsOf(this.client, event.orderId())).singleElement()
				.satisfies((notification) -> assertThat(notification).containsEntry("eventId", event.eventId())
					.containsEntry("status", "SENT"));
		});

		replay(event.partition(), event.offset()).expectStatus().isOk().expectBody().json("""
				{"replayed": [], "alreadyReplayed": [{"partition": %d, "offset": %d, "eventId": "%s"}]}
				""".formatted(event.partition(), event.offset(), event.eventId()), JsonCompareMode.LENIENT);
		Map<String, Object> all = replayAll();
		assertThat(positions(all, "replayed")).doesNotContain(event.position());
		assertThat(positions(all, "alreadyReplayed")).contains(event.position());

		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(RealSmtp.messagesTo(event.email())).hasSize(1));
		assertThat(notificationsOf(this.client, event.orderId())).hasSize(1);
		assertThat(list(event.partition(), event.offset(), 1)).singleElement()
			.satisfies((view) -> assertThat(view.get("replayedAt")).isNotNull());
	}

	@Test
	void republishesTheRecordUnchangedButForTheErrorHandlersHeaders() {
		DeadLettered event = deadLetterAValidEvent();

		Map<String, Object> result = replay(event.partition(), event.offset()).expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();

		@SuppressWarnings("unchecked")
		Map<String, Object> replayed = ((List<Map<String, Object>>) result.get("replayed")).get(0);
		ConsumerRecord<String, byte[]> republished = kafka.read(OrderEventsClient.TOPIC,
				(Integer) replayed.get("republishedPartition"),
				((Number) replayed.get("republishedOffset")).longValue());
		assertThat(republished.key()).isEqualTo(event.orderId());
		assertThat(new String(republished.value(), StandardCharsets.UTF_8)).isEqualTo(event.value());
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : republished.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		assertThat(headers).isEqualTo(OrderEventsClient.cloudEventHeaders(event.eventId(), "OrderFailed"));
	}

	@Test
	void replaysEveryDeadLetterNotReplayedBefore() {
		DeadLettered first = deadLetterAValidEvent();
		DeadLettered second = deadLetterAValidEvent();

		Map<String, Object> result = replayAll();

		assertThat(positions(result, "replayed")).contains(first.position(), second.position());
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(RealSmtp.messagesTo(first.email())).hasSize(1);
			assertThat(RealSmtp.messagesTo(second.email())).hasSize(1);
		});
		Map<String, Object> again = replayAll();
		assertThat(positions(again, "replayed")).doesNotContain(first.position(), second.position());
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(RealSmtp.messagesTo(first.email())).hasSize(1);
			assertThat(RealSmtp.messagesTo(second.email())).hasSize(1);
		});
	}

	@Test
	void leavesAnEventThatFailedAgainAfterItsReplayToAReplayByItsPosition() {
		String orderId = uniqueId();
		// A type this service does not read: it fails again once replayed.
		DeadLettered shipped = deadLetter(orderId, "OrderShipped", "{}", null);
		replay(shipped.partition(), shipped.offset()).expectStatus().isOk();
		ConsumerRecord<String, byte[]> again = await().atMost(PATIENCE)
			.until(() -> kafka.deadLetters(orderId), (found) -> found.size() == 2)
			.get(1);
		Position failedAgain = new Position(again.partition(), again.offset());

		Map<String, Object> all = replayAll();

		assertThat(positions(all, "replayed")).doesNotContain(failedAgain);
		assertThat(positions(all, "alreadyReplayed")).contains(failedAgain);
		replay(again.partition(), again.offset()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.replayed[0].eventId")
			.isEqualTo(shipped.eventId());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /admin/dead-letters?partition=abc                  | 400 | validation-failed     | partition
			GET  | /admin/dead-letters?partition=-1                   | 400 | validation-failed     | partition
			GET  | /admin/dead-letters?partition=99                   | 400 | validation-failed     | partition
			GET  | /admin/dead-letters?fromOffset=-5                  | 400 | validation-failed     | fromOffset
			GET  | /admin/dead-letters?fromOffset=later               | 400 | validation-failed     | fromOffset
			GET  | /admin/dead-letters?limit=0                        | 400 | validation-failed     | limit
			GET  | /admin/dead-letters?limit=100000                   | 400 | validation-failed     | limit
			POST | /admin/dead-letters/replay?partition=0             | 400 | validation-failed     | offset
			POST | /admin/dead-letters/replay?offset=3                | 400 | validation-failed     | partition
			POST | /admin/dead-letters/replay?partition=0&offset=x    | 400 | validation-failed     | offset
			POST | /admin/dead-letters/replay?partition=0&offset=-1   | 400 | validation-failed     | offset
			POST | /admin/dead-letters/replay?partition=0&offset=9999999999 | 404 | dead-letter-not-found |
			POST | /admin/dead-letters/replay?partition=99&offset=0   | 404 | dead-letter-not-found |
			""")
	void answersBadInputWithAProblem(String method, String uri, int status, String type, String field) {
		ProblemAssert problem = assertThatProblem(this.client.method(HttpMethod.valueOf(method)).uri(uri).exchange())
			.hasStatus(status)
			.hasType(type);
		if (field != null) {
			problem.hasField(field);
		}
	}

	@Test
	void countsTheDeadLettersTheListShowsNotReplayed() {
		DeadLettered replayed = deadLetterAValidEvent();
		DeadLettered waiting = deadLetterAValidEvent();
		replay(replayed.partition(), replayed.offset()).expectStatus().isOk();

		// Retried: other tests' records may reach the topic meanwhile.
		await().atMost(PATIENCE).untilAsserted(() -> {
			long listed = listedNotReplayed();
			this.backlog.refresh();
			assertThat(unreplayedGauge()).isEqualTo(listed);
		});
		assertThat(list(replayed.partition(), replayed.offset(), 1)).singleElement()
			.satisfies((view) -> assertThat(view.get("replayedAt")).isNotNull());
		assertThat(list(waiting.partition(), waiting.offset(), 1)).singleElement()
			.satisfies((view) -> assertThat(view.get("replayedAt")).isNull());
	}

	@Test
	void countsANewDeadLetterAndForgetsItOnceReplayed() {
		this.backlog.refresh();
		double before = unreplayedGauge();

		DeadLettered event = deadLetterAValidEvent();
		this.backlog.refresh();
		assertThat(unreplayedGauge()).isGreaterThanOrEqualTo(before + 1);

		replay(event.partition(), event.offset()).expectStatus().isOk();
		await().atMost(PATIENCE).untilAsserted(() -> {
			long listed = listedNotReplayed();
			this.backlog.refresh();
			assertThat(unreplayedGauge()).isEqualTo(listed);
		});
	}

	// What an operator sees: every dead letter GET /admin/dead-letters lists without a
	// replay.
	private long listedNotReplayed() {
		List<Map<String, Object>> listed = this.client.get()
			.uri("/admin/dead-letters?limit=1000")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(listed).hasSizeLessThan(1000);
		return listed.stream().filter((view) -> view.get("replayedAt") == null).count();
	}

	private double unreplayedGauge() {
		return this.meters.get("order.events.dead.letters.unreplayed").gauge().value();
	}

	// A valid event as a listener that retried its sends would have dead-lettered it
	// while the mail server was down: its own record, with the error handler's headers.
	private static DeadLettered deadLetterAValidEvent() {
		String orderId = uniqueId();
		String email = "customer-" + UUID.randomUUID() + "@example.com";
		return deadLetter(orderId, "OrderFailed", """
				{"orderId": "%s", "email": "%s", "reason": "PAYMENT_DECLINED"}""".formatted(orderId, email), email);
	}

	private static DeadLettered deadLetter(String orderId, String type, String value, String email) {
		String eventId = uniqueId();
		Map<String, byte[]> headers = new LinkedHashMap<>();
		OrderEventsClient.cloudEventHeaders(eventId, type)
			.forEach((name, header) -> headers.put(name, header.getBytes(StandardCharsets.UTF_8)));
		headers.put("kafka_dlt-exception-fqcn",
				bytes("org.springframework.kafka.listener.ListenerExecutionFailedException"));
		headers.put("kafka_dlt-exception-cause-fqcn", bytes("org.springframework.mail.MailSendException"));
		headers.put("kafka_dlt-exception-message", bytes("Mail server connection failed"));
		headers.put("kafka_dlt-exception-stacktrace", bytes("org.springframework.mail.MailSendException: ..."));
		headers.put("kafka_dlt-original-topic", bytes(OrderEventsClient.TOPIC));
		headers.put("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(2).array());
		headers.put("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(42).array());
		headers.put("kafka_dlt-original-timestamp",
				ByteBuffer.allocate(Long.BYTES).putLong(FAILED_AT.toEpochMilli()).array());
		headers.put("kafka_dlt-original-timestamp-type", bytes("CreateTime"));
		headers.put("kafka_dlt-original-consumer-group", bytes("notification-service"));
		RecordMetadata sent = kafka.sendDeadLetter(orderId, headers, value);
		return new DeadLettered(orderId, eventId, email, value, sent.partition(), sent.offset());
	}

	private RestTestClient.ResponseSpec replay(int partition, long offset) {
		return this.client.post()
			.uri("/admin/dead-letters/replay?partition={partition}&offset={offset}", partition, offset)
			.exchange();
	}

	private Map<String, Object> replayAll() {
		return this.client.post()
			.uri("/admin/dead-letters/replay")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Position> positions(Map<String, Object> result, String list) {
		return ((List<Map<String, Object>>) result.get(list)).stream()
			.map((entry) -> new Position(((Number) entry.get("partition")).intValue(),
					((Number) entry.get("offset")).longValue()))
			.toList();
	}

	private List<Map<String, Object>> list(int partition, long fromOffset, int limit) {
		return this.client.get()
			.uri("/admin/dead-letters?partition={partition}&fromOffset={offset}&limit={limit}", partition, fromOffset,
					limit)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static String uniqueId() {
		return UUID.randomUUID().toString();
	}

	private record DeadLettered(String orderId, String eventId, String email, String value, int partition,
			long offset) {

		Position position() {
			return new Position(this.partition, this.offset);
		}

	}

	private record Position(int partition, long offset) {
	}

}
