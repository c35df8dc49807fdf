package dev.cloudshop.notification.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record of the dead-letter topic: the order event record as it was consumed, with the
 * {@code kafka_dlt-*} headers the error handler added to say where it came from and why
 * it failed.
 *
 * @param record the record read from the dead-letter topic
 */
record DeadLetter(ConsumerRecord<String, byte[]> record) {

	/**
	 * What every header the error handler adds starts with.
	 */
	static final String HEADER_PREFIX = "kafka_dlt-";

	int partition() {
		return this.record.partition();
	}

	long offset() {
		return this.record.offset();
	}

	/**
	 * @return its {@code ce_id}, or {@code null}
	 */
	String eventId() {
		return text("ce_id");
	}

	/**
	 * @return its {@code ce_type}, or {@code null}
	 */
	String eventType() {
		return text("ce_type");
	}

	/**
	 * @return why it failed: the error handler's message, never the record's value
	 */
	String reason() {
		return text(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
	}

	/**
	 * @return the class of the failure: its cause when the failure wraps one
	 */
	String exception() {
		String cause = text(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		return (cause != null) ? cause : text(KafkaHeaders.DLT_EXCEPTION_FQCN);
	}

	String originalTopic() {
		return text(KafkaHeaders.DLT_ORIGINAL_TOPIC);
	}

	Integer originalPartition() {
		byte[] value = bytes(KafkaHeaders.DLT_ORIGINAL_PARTITION);
		return (value != null && value.length == Integer.BYTES) ? ByteBuffer.wrap(value).getInt() : null;
	}

	Long originalOffset() {
		return number(KafkaHeaders.DLT_ORIGINAL_OFFSET);
	}

	Instant originalTimestamp() {
		Long millis = number(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	/**
	 * @return when it was dead-lettered
	 */
	Instant timestamp() {
		return Instant.ofEpochMilli(this.record.timestamp());
	}

	/**
	 * The record as it was before it failed: same key, same value, same headers but for
	 * those of the error handler. Its partition is left to the key, as it was at first.
	 * @param topic the topic it goes back to
	 * @return the record to publish
	 */
	ProducerRecord<String, byte[]> toReplay(String topic) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : this.record.headers()) {
			if (!header.key().startsWith(HEADER_PREFIX)) {
				headers.add(header);
			}
		}
		return new ProducerRecord<>(topic, null, null, this.record.key(), this.record.value(), headers);
	}

	private String text(String name) {
		byte[] value = bytes(name);
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	private Long number(String name) {
		byte[] value = bytes(name);
		return (value != null && value.length == Long.BYTES) ? ByteBuffer.wrap(value).getLong() : null;
	}

	private byte[] bytes(String name) {
		Header header = this.record.headers().lastHeader(name);
		return (header != null) ? header.value() : null;
	}

}
