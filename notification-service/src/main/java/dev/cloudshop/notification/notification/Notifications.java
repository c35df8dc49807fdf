package dev.cloudshop.notification.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The notifications sent, at most one per event.
 */
interface Notifications extends Repository<Notification, UUID> {

	List<Notification> findByOrderIdOrderByCreatedAtAsc(String orderId);

	/**
	 * Adds the notification unless its event has one already, in the caller's
	 * transaction. Until that transaction ends it holds the event id: a concurrent
	 * delivery of the same event waits for it, then adds nothing.
	 * @param notification the notification
	 * @return whether it was added
	 */
	default boolean addIfAbsent(Notification notification) {
		return insertIfAbsent(notification.getId(), notification.getEventId(), notification.getOrderId(),
				notification.getEventType(), notification.getChannel().name(), notification.getRecipient(),
				notification.getSubject(), notification.getBody(), notification.getCreatedAt()) == 1;
	}

	// Not a unique-violation caught afterwards: that would end the transaction, and would
	// take any other constraint violation for a duplicate.
	@Modifying
	@Query(nativeQuery = true, value = """
			insert into notification (id, event_id, order_id, event_type, channel, recipient, subject, body, created_at)
			values (:id, :eventId, :orderId, :eventType, :channel, :recipient, :subject, :body, :createdAt)
			on conflict (event_id) do nothing
			""")
	int insertIfAbsent(UUID id, String eventId, String orderId, String eventType, String channel, String recipient,
			String subject, String body, Instant createdAt);

	@Modifying
	@Query("update Notification n set n.sentAt = :sentAt where n.id = :id")
	int markSent(UUID id, Instant sentAt);

}
