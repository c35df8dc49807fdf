package dev.cloudshop.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes the suite's Kafka topics directly, as another consumer or a faulty
 * producer would.
 */
final class OrderEvents {

	static final String TOPIC = "order-events";

	static final String DEAD_LETTERS = "order-events.DLT";

	private final String bootstrapServers;

	OrderEvents(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Every record of a topic with the given key, from the beginning.
	 */
	List<ConsumerRecord<String, String>> withKey(String topic, String key) {
		return byKey(topic).getOrDefault(key, List.of());
	}

	/**
	 * Every record of a topic from the beginning, grouped by key: one read for many
	 * orders. The topic is read to the end it had when the read began.
	 */
	Map<String, List<ConsumerRecord<String, String>>> byKey(String topic) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"e2e-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			Map<String, List<ConsumerRecord<String, String>>> found = new HashMap<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end in 30 s");
				}
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
					found.computeIfAbsent(String.valueOf(record.key()), (key) -> new ArrayList<>()).add(record);
				}
			}
			return found;
		}
	}

	void send(ProducerRecord<String, String> record) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new StringSerializer())) {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + record.topic(), ex);
		}
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
