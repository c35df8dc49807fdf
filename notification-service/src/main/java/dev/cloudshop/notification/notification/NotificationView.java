package dev.cloudshop.notification.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification as the public API shows it: what the customer is told, and whether the
 * email has gone out ({@code status} {@code PENDING} until the mail server accepts it,
 * then {@code SENT} with {@code sentAt}).
 */
record NotificationView(UUID id, String eventId, String orderId, String eventType, Notification.Channel channel,
		String recipient, String subject, Notification.Status status, Instant createdAt, Instant sentAt) {

	static NotificationView of(Notification notification) {
		return new NotificationView(notification.getId(), notification.getEventId(), notification.getOrderId(),
				notification.getEventType(), notification.getChannel(), notification.getRecipient(),
				notification.getSubject(), notification.getStatus(), notification.getCreatedAt(),
				notification.getSentAt());
	}

}
