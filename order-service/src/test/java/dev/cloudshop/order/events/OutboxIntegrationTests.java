package dev.cloudshop.order.events;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cloudshop.order.order.FailureReason;
import dev.cloudshop.testinfra.RealKafka;
import dev.cloudshop.testinfra.RealPostgres;
import dev.cloudshop.testinfra.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox on the real database and broker: an event reaches Kafka with its CloudEvents
 * headers once its transaction committed, and a publication abandoned half-way (the
 * process died while sending or resending it) is sent again instead of staying in the
 * table for good. Staleness is shortened here from the production 30 s.
 */
@SpringBootTest(properties = { "eureka.client.enabled=false", "order.saga.recovery-interval=1h",
		"spring.modulith.events.completion-mode=update", "spring.modulith.events.staleness.published=2s",
		"spring.modulith.events.staleness.processing=2s", "spring.modulith.events.staleness.resubmission=2s",
		"spring.modulith.events.staleness.check-intervall=1s", "order.events.resubmit-interval=1s",
		"order.events.resubmit-older-than=1s" })
@Import({ RealPostgres.class, RealKafka.class })
class OutboxIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventProperties properties;

	private KafkaConsumer<String, String> consumer;

	@BeforeEach
	void subscribe() {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		this.consumer.subscribe(List.of(this.properties.topic()));
	}

	@AfterEach
	void close() {
		this.consumer.close();
	}

	@Test
	void sendsAnEventWithItsCloudEventsHeadersAfterItsTransactionCommits() {
		String orderId = UUID.randomUUID().toString();
		OrderFailed event = failed(orderId);

		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(event));

		List<ConsumerRecord<String, String>> records = awaitRecords(orderId, 1);
		ConsumerRecord<String, String> record = records.get(0);
		assertThat(header(record, "ce_id")).isEqualTo(event.metadata().eventId());
		assertThat(header(record, "ce_type")).isEqualTo("OrderFailed");
		assertThat(header(record, "ce_source")).isEqualTo("/order-service");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(record.value()).contains("\"reason\":\"OUT_OF_STOCK\"");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(incompleteOf(orderId)).isZero());
	}

	@Test
	void sendsAgainAPublicationLeftHalfResubmittedByACrash() {
		String orderId = UUID.randomUUID().toString();
		OrderFailed event = failed(orderId);
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(event));
		awaitRecords(orderId, 1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(incompleteOf(orderId)).isZero());

		// What a process killed while it resent the event leaves: the same publication,
		// not completed, marked RESUBMITTED a while ago.
		Timestamp minuteAgo = Timestamp.from(Instant.now().minusSeconds(60));
		this.jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
					status, completion_attempts, last_resubmission_date)
				select ?, listener_id, event_type, serialized_event, ?, 'RESUBMITTED', 1, ?
				from event_publication where serialized_event like ?
				""", UUID.randomUUID(), minuteAgo, minuteAgo, "%" + orderId + "%");
		assertThat(incompleteOf(orderId)).isOne();

		// Sent again: the same event (the same ce_id), which consumers drop as a
		// duplicate.
		List<ConsumerRecord<String, String>> records = awaitRecords(orderId, 1);
		assertThat(records).extracting((record) -> header(record, "ce_id")).containsOnly(event.metadata().eventId());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(incompleteOf(orderId)).isZero());
	}

	@Test
	void publishesTheEventAnOrderRegisteredWithItsOwnIdAndTime() {
		UUID orderId = UUID.randomUUID();
		Instant failedAt = Instant.parse("2026-01-01T10:00:00.123456Z");

		this.transactions
			.executeWithoutResult((tx) -> this.events.publishEvent(new dev.cloudshop.order.order.OrderFailed(orderId,
					"ada", "ada@example.com", FailureReason.OUT_OF_STOCK, "Only 1 of KB-0001 left", failedAt)));

		ConsumerRecord<String, String> record = awaitRecords(orderId.toString(), 1).get(0);
		assertThat(header(record, "ce_type")).isEqualTo("OrderFailed");
		assertThat(header(record, "ce_id")).isNotBlank();
		assertThat(header(record, "ce_time")).isEqualTo("2026-01-01T10:00:00.123456Z");
		assertThat(record.value()).contains("\"orderId\":\"" + orderId + "\"")
			.contains("\"reason\":\"OUT_OF_STOCK\"")
			.contains("\"detail\":\"Only 1 of KB-0001 left\"");
	}

	@Test
	void recordsNothingOfAStateChangeThatWasRolledBack() {
		UUID orderId = UUID.randomUUID();

		this.transactions.executeWithoutResult((tx) -> {
			this.events.publishEvent(new dev.cloudshop.order.order.OrderFailed(orderId, "ada", "ada@example.com",
					FailureReason.OUT_OF_STOCK, "Only 1 of KB-0001 left", Instant.now()));
			tx.setRollbackOnly();
		});

		assertThat(this.jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Integer.class, "%" + orderId + "%"))
			.isZero();
	}

	private static OrderFailed failed(String orderId) {
		return new OrderFailed(EventMetadata.of(Instant.now(), null), orderId, "ada", "ada@example.com", "OUT_OF_STOCK",
				"Only 1 of KB-0001 left", Instant.now());
	}

	private int incompleteOf(String orderId) {
		return this.jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and serialized_event like ?",
				Integer.class, "%" + orderId + "%");
	}

	/**
	 * Waits for records of the order not read before.
	 */
	private List<ConsumerRecord<String, String>> awaitRecords(String orderId, int count) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
				if (orderId.equals(record.key())) {
					found.add(record);
				}
			});
			assertThat(found).hasSizeGreaterThanOrEqualTo(count);
		});
		return found;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
