package dev.cloudshop.notification.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.cloudshop.notification.notification.OrderEventsProperties;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topic, from the start or from an offset, with a consumer of its
 * own: assigned partitions, no consumer group, no committed offsets, so that reading
 * changes nothing for anyone. Each call opens and closes its consumer; it is an
 * operator's tool, not a hot path.
 */
@Component
class DeadLetterTopic {

	// Longer than a healthy broker ever takes; an answer to the operator rather than a
	// request that hangs.
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(200);

	private final Map<String, Object> configuration;

	private final String name;

	DeadLetterTopic(ConsumerFactory<?, ?> consumerFactory, OrderEventsProperties properties) {
		// The application's connection settings (servers, security), without its group.
		Map<String, Object> configuration = new HashMap<>(consumerFactory.getConfigurationProperties());
		configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
		configuration.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		configuration.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		configuration.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		configuration.put(ConsumerConfig.CLIENT_ID_CONFIG, "notification-service-dead-letters");
		this.configuration = Map.copyOf(configuration);
		this.name = properties.deadLetterTopic();
	}

	/**
	 * @return the name of the dead-letter topic
	 */
	String name() {
		return this.name;
	}

	/**
	 * Reads dead letters in the order of their partition, then of their offset.
	 * @param partition the only partition to read, or {@code null} for all
	 * @param fromOffset the first offset to read in each partition
	 * @param visitor takes each dead letter; reading stops when it answers {@code false}
	 * @throws UnknownPartitionException if the topic has no such partition
	 * @throws DeadLettersUnavailableException if the broker does not answer in time
	 */
	void read(Integer partition, long fromOffset, Predicate<DeadLetter> visitor) {
		withConsumer((consumer) -> {
			List<Integer> partitions = partitions(consumer);
			if (partition != null && !partitions.contains(partition)) {
				throw new UnknownPartitionException(this.name);
			}
			for (int each : (partition != null) ? List.of(partition) : partitions) {
				if (!read(consumer, new TopicPartition(this.name, each), fromOffset, visitor)) {
					break;
				}
			}
			return null;
		});
	}

	/**
	 * @param partition a partition
	 * @param offset an offset in it
	 * @return the dead letter at that position, if there is one
	 * @throws DeadLettersUnavailableException if the broker does not answer in time
	 */
	Optional<DeadLetter> find(int partition, long offset) {
		return withConsumer((consumer) -> {
			if (!partitions(consumer).contains(partition)) {
				return Optional.empty();
			}
			DeadLetter[] found = new DeadLetter[1];
			read(consumer, new TopicPartition(this.name, partition), offset, (deadLetter) -> {
				if (deadLetter.offset() == offset) {
					found[0] = deadLetter;
				}
				return false;
			});
			return Optional.ofNullable(found[0]);
		});
	}

	/**
	 * Where each partition starts and ends, without reading a record: what a count of the
	 * dead letters needs.
	 * @return the offsets of each partition, by partition
	 * @throws DeadLettersUnavailableException if the broker does not answer in time
	 */
	Map<Integer, Extent> extents() {
		return withConsumer((consumer) -> {
			List<TopicPartition> partitions = partitions(consumer).stream()
				.map((partition) -> new TopicPartition(this.name, partition))
				.toList();
			Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Map<Integer, Extent> extents = new TreeMap<>();
			for (TopicPartition partition : partitions) {
				extents.put(partition.partition(), new Extent(beginnings.get(partition), ends.get(partition)));
			}
			return extents;
		});
	}

	// Reads one partition from an offset up to its end as it was when reading began.
	private boolean read(Consumer<String, byte[]> consumer, TopicPartition partition, long fromOffset,
			Predicate<DeadLetter> visitor) {
		List<TopicPartition> assignment = List.of(partition);
		consumer.assign(assignment);
		long start = Math.max(fromOffset, consumer.beginningOffsets(assignment).get(partition));
		long end = consumer.endOffsets(assignment).get(partition);
		if (start >= end) {
			return true;
		}
		consumer.seek(partition, start);
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (consumer.position(partition) < end) {
			List<ConsumerRecord<String, byte[]>> records = consumer.poll(POLL).records(partition);
			if (records.isEmpty() && System.nanoTime() > deadline) {
				throw new TimeoutException("No record of " + partition + " came in " + TIMEOUT);
			}
			for (ConsumerRecord<String, byte[]> record : records) {
				if (record.offset() >= end) {
					return true;
				}
				if (!visitor.test(new DeadLetter(record))) {
					return false;
				}
			}
			if (!records.isEmpty()) {
				deadline = System.nanoTime() + TIMEOUT.toNanos();
			}
		}
		return true;
	}

	private List<Integer> partitions(Consumer<String, byte[]> consumer) {
		List<PartitionInfo> partitions = consumer.partitionsFor(this.name, TIMEOUT);
		return (partitions != null) ? partitions.stream().map(PartitionInfo::partition).sorted().toList() : List.of();
	}

	/**
	 * The offsets a partition holds records at: from its first record still kept to the
	 * offset of the next one written. Every offset in between is a dead letter, for the
	 * topic is written without transactions (no offset is a transaction marker) and not
	 * compacted.
	 *
	 * @param start the offset of its first record
	 * @param end the offset its next record gets
	 */
	record Extent(long start, long end) {

		long size() {
			return Math.max(0, this.end - this.start);
		}

	}

	private <T> T withConsumer(Function<Consumer<String, byte[]>, T> work) {
		try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(this.configuration, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			return work.apply(consumer);
		}
		catch (KafkaException ex) {
			throw new DeadLettersUnavailableException(ex);
		}
	}

}
