package dev.cloudshop.notification.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * What a replay did.
 *
 * @param replayed the dead letters put back on the order events topic now
 * @param alreadyReplayed those left alone because they, or their event, were replayed
 * before
 */
record ReplayResult(List<Replayed> replayed, List<AlreadyReplayed> alreadyReplayed) {

	/**
	 * A dead letter put back on the order events topic.
	 *
	 * @param partition its partition in the dead-letter topic
	 * @param offset its offset there
	 * @param key its key
	 * @param eventId its {@code ce_id}, or {@code null}
	 * @param eventType its {@code ce_type}, or {@code null}
	 * @param topic the topic it went to
	 * @param republishedPartition its partition there
	 * @param republishedOffset its offset there
	 */
	record Replayed(int partition, long offset, String key, String eventId, String eventType, String topic,
			int republishedPartition, long republishedOffset) {
	}

	/**
	 * A dead letter replayed before, and not again; or, for a replay of everything, one
	 * whose event was replayed before from another position, and failed again.
	 *
	 * @param partition its partition in the dead-letter topic
	 * @param offset its offset there
	 * @param eventId its {@code ce_id}, or {@code null}
	 * @param replayedAt when it, or its event, was replayed
	 */
	record AlreadyReplayed(int partition, long offset, String eventId, Instant replayedAt) {
	}

}
