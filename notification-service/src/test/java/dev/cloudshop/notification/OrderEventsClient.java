package dev.cloudshop.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.cloudshop.testinfra.TestKafka;

/**
 * Publishes records to the order events topic the way order-service does, and reads what
 * the service dead-lettered, straight through the Kafka clients. Either made on a broker
 * and closed by its test, or connected to the test JVM's broker for the tests of a class:
 * <pre class="code">
 * &#64;RegisterExtension
 * static final OrderEventsClient kafka = OrderEventsClient.onTestKafka();
 * </pre>
 */
public final class OrderEventsClient implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

	public static final String TOPIC = "order-events";

	public static final String DEAD_LETTER_TOPIC = "order-events.DLT";

	private final Supplier<String> brokers;

	private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();

	private String bootstrapServers;

	private KafkaProducer<String, byte[]> producer;

	private KafkaConsumer<String, byte[]> deadLetterConsumer;

	/**
	 * Connects to a broker now.
	 * @param bootstrapServers the broker's bootstrap servers
	 */
	public OrderEventsClient(String bootstrapServers) {
		this(() -> bootstrapServers);
		connect();
	}

	private OrderEventsClient(Supplier<String> brokers) {
		this.brokers = brokers;
	}

	/**
	 * A client to register with {@code @RegisterExtension} on a static field: it connects
	 * to the test JVM's broker ({@link TestKafka}) before the tests of the class and
	 * closes after them.
	 * @return the client, not connected yet
	 */
	public static OrderEventsClient onTestKafka() {
		return new OrderEventsClient(TestKafka::bootstrapServers);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		connect();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	private synchronized void connect() {
		this.bootstrapServers = this.brokers.get();
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers),
				new StringSerializer(), new ByteArraySerializer());
		this.deadLetterConsumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.deadLetterConsumer.subscribe(List.of(DEAD_LETTER_TOPIC));
	}

	/**
	 * The CloudEvents headers order-service sends, with a W3C trace context.
	 * @param id the {@code ce_id}
	 * @param type the {@code ce_type}
	 * @return the headers
	 */
	public static Map<String, String> cloudEventHeaders(String id, String type) {
		return cloudEventHeaders(id, type, "4bf92f3577b34da6a3ce929d0e0e4736");
	}

	/**
	 * The CloudEvents headers order-service sends, with a W3C trace context.
	 * @param id the {@code ce_id}
	 * @param type the {@code ce_type}
	 * @param traceId the trace the event belongs to, 32 hex digits
	 * @return the headers
	 */
	public static Map<String, String> cloudEventHeaders(String id, String type, String traceId) {
		return Map.of("ce_id", id, "ce_type", type, "ce_source", "/order-service", "ce_time", "2026-11-22T10:00:00Z",
				"ce_specversion", "1.0", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
	}

	/**
	 * Publishes a record and waits until the broker has it.
	 * @param key the key, the order id
	 * @param headers the headers
	 * @param value the value, UTF-8 encoded
	 */
	public void send(String key, Map<String, String> headers, String value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key,
				(value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
		headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + TOPIC, ex);
		}
	}

	/**
	 * Publishes a record to the dead-letter topic and waits until the broker has it.
	 * @param key the key
	 * @param headers the headers, as bytes: the error handler writes numbers in binary
	 * @param value the value, UTF-8 encoded
	 * @return where it is
	 */
	public RecordMetadata sendDeadLetter(String key, Map<String, byte[]> headers, String value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(DEAD_LETTER_TOPIC, key,
				value.getBytes(StandardCharsets.UTF_8));
		headers.forEach((name, header) -> record.headers().add(name, header));
		try {
			return this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + DEAD_LETTER_TOPIC, ex);
		}
	}

	/**
	 * Reads one record, with a consumer of its own.
	 * @param topic the topic
	 * @param partition its partition
	 * @param offset its offset
	 * @return the record
	 */
	public ConsumerRecord<String, byte[]> read(String topic, int partition, long offset) {
		TopicPartition position = new TopicPartition(topic, partition);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(position));
			consumer.seek(position, offset);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200)).records(position)) {
					if (record.offset() == offset) {
						return record;
					}
				}
			}
		}
		throw new IllegalStateException("No record at " + position + "@" + offset);
	}

	/**
	 * Reads the dead-letter topic for a while.
	 * @param key a key
	 * @return every dead letter seen so far with that key
	 */
	public synchronized List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
		this.deadLetterConsumer.poll(Duration.ofMillis(500)).forEach(this.deadLetters::add);
		return this.deadLetters.stream().filter((record) -> key.equals(record.key())).toList();
	}

	@Override
	public synchronized void close() {
		if (this.producer != null) {
			this.producer.close();
			this.deadLetterConsumer.close();
			this.producer = null;
			this.deadLetterConsumer = null;
			this.deadLetters.clear();
		}
	}

}
