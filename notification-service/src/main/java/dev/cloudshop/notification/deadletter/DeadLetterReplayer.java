package dev.cloudshop.notification.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cloudshop.notification.notification.OrderEventsProperties;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts dead letters back on the order events topic, unchanged but for the error handler's
 * {@code kafka_dlt-*} headers, once the reason they failed is fixed.
 * <p>
 * Idempotent twice over. Each replay is recorded by its position in the dead-letter
 * topic, in the transaction that publishes it: the position is taken first (a concurrent
 * replay of the same dead letter waits, then finds it taken), the record is published and
 * acknowledged, and only then is the replay committed. So a dead letter is replayed once,
 * and one whose publishing failed is not marked. Should the commit fail after the
 * publish, the next replay publishes it again, and that is harmless: the listener
 * notifies once per {@code ce_id}.
 */
@Service
class DeadLetterReplayer {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterReplayer.class);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	// The event_id column.
	private static final int MAX_EVENT_ID_LENGTH = 100;

	private final DeadLetterTopic deadLetters;

	private final Replays replays;

	private final KafkaTemplate<String, byte[]> template;

	private final TransactionTemplate transaction;

	private final String topic;

	private final Clock clock;

	DeadLetterReplayer(DeadLetterTopic deadLetters, Replays replays, KafkaTemplate<String, byte[]> template,
			TransactionTemplate transaction, OrderEventsProperties properties, Clock clock) {
		this.deadLetters = deadLetters;
		this.replays = replays;
		this.template = template;
		this.transaction = transaction;
		this.topic = properties.topic();
		this.clock = clock;
	}

	/**
	 * Replays every dead letter not replayed before, up to the end of the dead-letter
	 * topic as it was when this began. One whose event ({@code ce_id}) was replayed
	 * before from another position is left alone too: it failed again after its replay,
	 * and would fail the same way until its cause is fixed; replay it by its position
	 * then.
	 * @return what was replayed
	 */
	ReplayResult replayAll() {
		Map<Position, Replay> before = replayed();
		Map<String, Replay> eventsBefore = before.values()
			.stream()
			.filter((replay) -> replay.getEventId() != null)
			.collect(Collectors.toMap(Replay::getEventId, Function.identity(),
					(one, other) -> one.getReplayedAt().isBefore(other.getReplayedAt()) ? one : other));
		List<ReplayResult.Replayed> replayed = new ArrayList<>();
		List<ReplayResult.AlreadyReplayed> alreadyReplayed = new ArrayList<>();
		this.deadLetters.read(null, 0, (deadLetter) -> {
			Replay replay = before.get(Position.of(deadLetter));
			Replay eventReplay = (deadLetter.eventId() != null) ? eventsBefore.get(deadLetter.eventId()) : null;
			if (replay != null) {
				alreadyReplayed.add(alreadyReplayed(replay));
			}
			else if (eventReplay != null) {
				alreadyReplayed.add(new ReplayResult.AlreadyReplayed(deadLetter.partition(), deadLetter.offset(),
						deadLetter.eventId(), eventReplay.getReplayedAt()));
			}
			else {
				replay(deadLetter, replayed, alreadyReplayed);
			}
			return true;
		});
		return new ReplayResult(replayed, alreadyReplayed);
	}

	/**
	 * Replays one dead letter, unless it was replayed before.
	 * @param partition its partition in the dead-letter topic
	 * @param offset its offset there
	 * @return what was replayed
	 * @throws DeadLetterNotFoundException if no record is at that position
	 */
	ReplayResult replay(int partition, long offset) {
		DeadLetter deadLetter = this.deadLetters.find(partition, offset)
			.orElseThrow(() -> new DeadLetterNotFoundException(this.deadLetters.name(), partition, offset));
		List<ReplayResult.Replayed> replayed = new ArrayList<>();
		List<ReplayResult.AlreadyReplayed> alreadyReplayed = new ArrayList<>();
		replay(deadLetter, replayed, alreadyReplayed);
		return new ReplayResult(replayed, alreadyReplayed);
	}

	/**
	 * @return when each dead letter replayed so far was replayed, by its position
	 */
	Map<Position, Instant> replayedAt() {
		return replayed().entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().getReplayedAt()));
	}

	private void replay(DeadLetter deadLetter, List<ReplayResult.Replayed> replayed,
			List<ReplayResult.AlreadyReplayed> alreadyReplayed) {
		ReplayResult.Replayed done = this.transaction.execute((status) -> republish(deadLetter));
		if (done != null) {
			replayed.add(done);
		}
		else {
			this.replays
				.findByTopicAndDltPartitionAndDltOffset(this.deadLetters.name(), deadLetter.partition(),
						deadLetter.offset())
				.map(DeadLetterReplayer::alreadyReplayed)
				.ifPresent(alreadyReplayed::add);
		}
	}

	private ReplayResult.Replayed republish(DeadLetter deadLetter) {
		String eventId = deadLetter.eventId();
		Replay replay = new Replay(this.deadLetters.name(), deadLetter.partition(), deadLetter.offset(),
				(eventId != null && eventId.length() <= MAX_EVENT_ID_LENGTH) ? eventId : null, this.clock.instant());
		if (!this.replays.addIfAbsent(replay)) {
			return null;
		}
		RecordMetadata sent = send(deadLetter);
		this.replays.markRepublished(replay.getId(), sent.partition(), sent.offset());
		logger.info("Replayed {}-{}@{} (event {}, key {}) to {}-{}@{}", this.deadLetters.name(), deadLetter.partition(),
				deadLetter.offset(), eventId, deadLetter.record().key(), sent.topic(), sent.partition(), sent.offset());
		return new ReplayResult.Replayed(deadLetter.partition(), deadLetter.offset(), deadLetter.record().key(),
				eventId, deadLetter.eventType(), sent.topic(), sent.partition(), sent.offset());
	}

	private RecordMetadata send(DeadLetter deadLetter) {
		try {
			return this.template.send(deadLetter.toReplay(this.topic))
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.getRecordMetadata();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeadLettersUnavailableException(ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException | org.apache.kafka.common.KafkaException ex) {
			throw new DeadLettersUnavailableException(ex);
		}
	}

	private Map<Position, Replay> replayed() {
		return this.replays.findByTopic(this.deadLetters.name())
			.stream()
			.collect(Collectors.toMap((replay) -> new Position(replay.getDltPartition(), replay.getDltOffset()),
					Function.identity()));
	}

	private static ReplayResult.AlreadyReplayed alreadyReplayed(Replay replay) {
		return new ReplayResult.AlreadyReplayed(replay.getDltPartition(), replay.getDltOffset(), replay.getEventId(),
				replay.getReplayedAt());
	}

	/**
	 * Where a dead letter is in the dead-letter topic.
	 *
	 * @param partition its partition
	 * @param offset its offset
	 */
	record Position(int partition, long offset) {

		static Position of(DeadLetter deadLetter) {
			return new Position(deadLetter.partition(), deadLetter.offset());
		}

	}

}
