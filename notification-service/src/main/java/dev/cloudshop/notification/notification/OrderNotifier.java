package dev.cloudshop.notification.notification;

import java.time.Clock;

import dev.cloudshop.notification.email.Email;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what to tell the customer about an order event, once per event. The email goes
 * out afterwards, from the {@link EmailOutbox}.
 */
@Service
class OrderNotifier {

	private final Notifications notifications;

	private final Clock clock;

	OrderNotifier(Notifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * Records the notification and its email, unless the event was notified before. Only
	 * the database is involved: once this returns, the event is safe and its offset can
	 * be committed, whether or not the mail server is up.
	 * @param envelope the event
	 * @param traceparent the trace its email continues, or {@code null}
	 * @return whether it was recorded; {@code false} for an event notified before
	 */
	@Transactional
	boolean record(OrderEventEnvelope envelope, String traceparent) {
		Email email = OrderEmails.of(envelope.event());
		return this.notifications.addIfAbsent(new Notification(envelope.id(), envelope.event().orderId(),
				envelope.type(), email, traceparent, this.clock.instant()));
	}

}
