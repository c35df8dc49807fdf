package dev.cloudshop.notification.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The notifications, at most one per event, and the emails still to send.
 */
interface Notifications extends Repository<Notification, UUID> {

	List<Notification> findByOrderIdOrderByCreatedAtAsc(String orderId);

	Optional<Notification> findByEventId(String eventId);

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
				notification.getSubject(), notification.getBody(), notification.getHtml(), notification.getCreatedAt(),
				notification.getStatus().name(), notification.getNextAttemptAt(), notification.getTraceparent()) == 1;
	}

	// Not a unique-violation caught afterwards: that would end the transaction, and would
	// take any other constraint violation for a duplicate.
	@Modifying
	@Query(nativeQuery = true, value = """
			insert into notification (id, event_id, order_id, event_type, channel, recipient, subject, body, html,
				created_at, status, attempts, next_attempt_at, traceparent)
			values (:id, :eventId, :orderId, :eventType, :channel, :recipient, :subject, :body, :html,
				:createdAt, :status, 0, :nextAttemptAt, :traceparent)
			on conflict (event_id) do nothing
			""")
	int insertIfAbsent(UUID id, String eventId, String orderId, String eventType, String channel, String recipient,
			String subject, String body, String html, Instant createdAt, String status, Instant nextAttemptAt,
			String traceparent);

	/**
	 * The pending notification whose next attempt is the most overdue, locked until the
	 * caller's transaction ends. One that another transaction holds is skipped, not
	 * waited for: several senders take different notifications.
	 * @param now the time
	 * @return the notification, if any is due
	 */
	@Query(nativeQuery = true, value = """
			select * from notification
			where status = 'PENDING' and next_attempt_at <= :now
			order by next_attempt_at
			limit 1
			for update skip locked
			""")
	Optional<Notification> lockNextDue(Instant now);

	long countByStatus(Notification.Status status);

	@Query("select min(n.createdAt) from Notification n where n.status = :status")
	Optional<Instant> findOldestCreatedAtByStatus(Notification.Status status);

}
