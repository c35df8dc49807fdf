package dev.cloudshop.notification.notification;

import java.util.List;

import jakarta.validation.constraints.NotBlank;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Transactional(readOnly = true)
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	// No notification yet is an empty list, not an error.
	@GetMapping
	List<NotificationView> byOrder(@RequestParam @NotBlank String orderId) {
		return this.notifications.findByOrderIdOrderByCreatedAtAsc(orderId).stream().map(NotificationView::of).toList();
	}

}
