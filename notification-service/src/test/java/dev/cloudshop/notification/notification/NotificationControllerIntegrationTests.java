package dev.cloudshop.notification.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
class NotificationControllerIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Notifications notifications;

	@Test
	void listsTheNotificationsOfAnOrderOldestFirst() {
		String orderId = uniqueId();
		Notification placed = this.notifications.save(
				new Notification(uniqueId(), orderId, "OrderProcessed", "ada@example.com", "Your order is on its way"));
		Notification failed = this.notifications.save(new Notification(uniqueId(), orderId, "OrderFailed",
				"ada@example.com", "We could not complete your order"));
		this.notifications.save(new Notification(uniqueId(), uniqueId(), "OrderProcessed", "bob@example.com",
				"Your order is on its way"));
		assertThat(failed.getCreatedAt()).isAfter(placed.getCreatedAt());

		this.client.get()
			.uri("/api/notifications?orderId={orderId}", orderId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					[
					  {
					    "id": "%s",
					    "eventId": "%s",
					    "orderId": "%s",
					    "eventType": "OrderProcessed",
					    "recipient": "ada@example.com",
					    "subject": "Your order is on its way",
					    "createdAt": "%s"
					  },
					  {
					    "id": "%s",
					    "eventId": "%s",
					    "orderId": "%s",
					    "eventType": "OrderFailed",
					    "recipient": "ada@example.com",
					    "subject": "We could not complete your order",
					    "createdAt": "%s"
					  }
					]
					""".formatted(placed.getId(), placed.getEventId(), orderId, placed.getCreatedAt(), failed.getId(),
					failed.getEventId(), orderId, failed.getCreatedAt()), JsonCompareMode.STRICT);
	}

	@Test
	void listsNothingForAnOrderWithoutNotifications() {
		this.client.get()
			.uri("/api/notifications?orderId={orderId}", uniqueId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[]", JsonCompareMode.STRICT);
	}

	@Test
	void storesAtMostOneNotificationPerEvent() {
		String eventId = uniqueId();
		String orderId = uniqueId();
		this.notifications
			.save(new Notification(eventId, orderId, "OrderProcessed", "ada@example.com", "Your order is on its way"));

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.notifications
			.save(new Notification(eventId, orderId, "OrderProcessed", "ada@example.com", "Your order is on its way")));
		this.client.get()
			.uri("/api/notifications?orderId={orderId}", orderId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void returnsBadRequestProblemWithoutOrderId() {
		this.client.get()
			.uri("/api/notifications")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail).asString().contains("orderId"));
	}

	@Test
	void returnsBadRequestProblemForBlankOrderId() {
		this.client.get()
			.uri("/api/notifications?orderId=")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static String uniqueId() {
		return UUID.randomUUID().toString();
	}

}
