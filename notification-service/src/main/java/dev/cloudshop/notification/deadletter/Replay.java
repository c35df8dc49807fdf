package dev.cloudshop.notification.deadletter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A dead letter that was put back on the order events topic: its position in the
 * dead-letter topic, which is never replayed again by a replay of everything, and where
 * it went. Positions hold for the life of the topic: one deleted and made again starts
 * its offsets anew, and its replays should be cleared with it.
 */
@Entity
@Table(name = "dead_letter_replay")
class Replay {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String topic;

	// In the dead-letter topic.
	@Column(nullable = false)
	private int dltPartition;

	@Column(nullable = false)
	private long dltOffset;

	private String eventId;

	@Column(nullable = false)
	private Instant replayedAt;

	private Integer republishedPartition;

	private Long republishedOffset;

	protected Replay() {
	}

	/**
	 * A replay made at the given instant.
	 * @param replayedAt when, in the microseconds PostgreSQL keeps, so that what is read
	 * back equals it
	 */
	Replay(String topic, int partition, long offset, String eventId, Instant replayedAt) {
		this.id = UUID.randomUUID();
		this.topic = topic;
		this.dltPartition = partition;
		this.dltOffset = offset;
		this.eventId = eventId;
		this.replayedAt = replayedAt;
	}

	UUID getId() {
		return this.id;
	}

	String getTopic() {
		return this.topic;
	}

	int getDltPartition() {
		return this.dltPartition;
	}

	long getDltOffset() {
		return this.dltOffset;
	}

	String getEventId() {
		return this.eventId;
	}

	Instant getReplayedAt() {
		return this.replayedAt;
	}

	Integer getRepublishedPartition() {
		return this.republishedPartition;
	}

	Long getRepublishedOffset() {
		return this.republishedOffset;
	}

}
