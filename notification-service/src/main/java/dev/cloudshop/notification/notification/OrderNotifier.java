package dev.cloudshop.notification.notification;

import dev.cloudshop.notification.email.Email;
import dev.cloudshop.notification.email.Mailer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the customer about an order event, once per event.
 */
@Service
class OrderNotifier {

	private final Notifications notifications;

	private final Mailer mailer;

	OrderNotifier(Notifications notifications, Mailer mailer) {
		this.notifications = notifications;
		this.mailer = mailer;
	}

	/**
	 * Records the notification and emails it, unless the event was notified before. The
	 * record, the duplicate check and the send share one transaction: when the mail
	 * server fails, nothing is kept and the next delivery tries again. A crash between
	 * the send and the commit can still repeat an email, never a notification.
	 * @param envelope the event
	 * @return whether an email went out; {@code false} for an event notified before
	 */
	@Transactional
	boolean notifyCustomer(OrderEventEnvelope envelope) {
		Email email = OrderEmails.of(envelope.event());
		Notification notification = new Notification(envelope.id(), envelope.event().orderId(), envelope.type(),
				email.to(), email.subject(), email.text());
		if (!this.notifications.addIfAbsent(notification)) {
			return false;
		}
		this.mailer.send(email);
		this.notifications.markSent(notification.getId(), Notification.now());
		return true;
	}

}
