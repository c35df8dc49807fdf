package dev.cloudshop.notification.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The dead letters replayed so far, at most one replay per position.
 */
interface Replays extends Repository<Replay, UUID> {

	List<Replay> findByTopic(String topic);

	/**
	 * @return how many dead letters of a partition, from one offset up to (but not
	 * including) another, were replayed
	 */
	@Query("select count(r) from Replay r where r.topic = :topic and r.dltPartition = :partition"
			+ " and r.dltOffset >= :fromOffset and r.dltOffset < :toOffset")
	long countReplayed(String topic, int partition, long fromOffset, long toOffset);

	Optional<Replay> findByTopicAndDltPartitionAndDltOffset(String topic, int dltPartition, long dltOffset);

	/**
	 * Adds the replay unless its position has one already, in the caller's transaction.
	 * Until that transaction ends it holds the position: a concurrent replay of the same
	 * dead letter waits for it, then adds nothing.
	 * @param replay the replay
	 * @return whether it was added
	 */
	default boolean addIfAbsent(Replay replay) {
		return insertIfAbsent(replay.getId(), replay.getTopic(), replay.getDltPartition(), replay.getDltOffset(),
				replay.getEventId(), replay.getReplayedAt()) == 1;
	}

	@Modifying
	@Query(nativeQuery = true, value = """
			insert into dead_letter_replay (id, topic, dlt_partition, dlt_offset, event_id, replayed_at)
			values (:id, :topic, :dltPartition, :dltOffset, :eventId, :replayedAt)
			on conflict (topic, dlt_partition, dlt_offset) do nothing
			""")
	int insertIfAbsent(UUID id, String topic, int dltPartition, long dltOffset, String eventId, Instant replayedAt);

	@Modifying
	@Query("update Replay r set r.republishedPartition = :toPartition, r.republishedOffset = :toOffset where r.id = :id")
	int markRepublished(UUID id, int toPartition, long toOffset);

}
