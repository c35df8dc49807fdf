package dev.cloudshop.notification.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification as the public API shows it.
 */
record NotificationView(UUID id, String eventId, String orderId, String eventType, Notification.Channel channel,
		String recipient, String subject, Instant createdAt, Instant sentAt) {

	static NotificationView of(Notification notification) {
		return new NotificationView(notification.getId(), notification.getEventId(), notification.getOrderId(),
				notification.getEventType(), notification.getChannel(), notification.getRecipient(),
				notification.getSubject(), notification.getCreatedAt(), notification.getSentAt());
	}

}
