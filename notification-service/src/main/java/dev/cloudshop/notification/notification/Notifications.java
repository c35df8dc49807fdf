package dev.cloudshop.notification.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * The notifications sent, at most one per event.
 */
interface Notifications extends Repository<Notification, UUID> {

	List<Notification> findByOrderIdOrderByCreatedAtAsc(String orderId);

	Notification save(Notification notification);

}
