package dev.cloudshop.notification.deadletter;

import java.time.Instant;

/**
 * A dead letter as the admin API shows it: where it is, which event it holds and why it
 * failed, never its value.
 *
 * @param partition its partition in the dead-letter topic
 * @param offset its offset there
 * @param timestamp when it was dead-lettered
 * @param key its key, the order id
 * @param eventId its {@code ce_id}, or {@code null} if it has none
 * @param eventType its {@code ce_type}, or {@code null} if it has none
 * @param valueSize the size of its value in bytes, or {@code null} if it has none
 * @param originalTopic the topic it failed on
 * @param originalPartition its partition there
 * @param originalOffset its offset there
 * @param originalTimestamp its timestamp there
 * @param exception the class of the failure
 * @param reason the failure's message
 * @param replayedAt when it was put back on the order events topic, or {@code null}
 */
record DeadLetterView(int partition, long offset, Instant timestamp, String key, String eventId, String eventType,
		Integer valueSize, String originalTopic, Integer originalPartition, Long originalOffset,
		Instant originalTimestamp, String exception, String reason, Instant replayedAt) {

	static DeadLetterView of(DeadLetter deadLetter, Instant replayedAt) {
		byte[] value = deadLetter.record().value();
		return new DeadLetterView(deadLetter.partition(), deadLetter.offset(), deadLetter.timestamp(),
				deadLetter.record().key(), deadLetter.eventId(), deadLetter.eventType(),
				(value != null) ? value.length : null, deadLetter.originalTopic(), deadLetter.originalPartition(),
				deadLetter.originalOffset(), deadLetter.originalTimestamp(), deadLetter.exception(),
				deadLetter.reason(), replayedAt);
	}

}
