package dev.cloudshop.order.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What a consumer needs besides the payload: a unique id to drop duplicates by, when it
 * happened, and the trace it belongs to.
 *
 * @param eventId unique per event, the same on every redelivery
 * @param occurredAt when the event happened
 * @param traceparent the W3C trace context of the request that caused it, or {@code null}
 */
public record EventMetadata(String eventId, Instant occurredAt, String traceparent) {

	/**
	 * The metadata of a new event, with an id of its own.
	 * @param occurredAt when the event happened
	 * @param traceparent the W3C trace context, or {@code null}
	 * @return the metadata
	 */
	public static EventMetadata of(Instant occurredAt, String traceparent) {
		return new EventMetadata(UUID.randomUUID().toString(), occurredAt, traceparent);
	}

}
