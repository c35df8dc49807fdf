package dev.cloudshop.notification;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The notifications the service recorded for an order, as {@code GET /api/notifications}
 * lists them.
 */
public final class RecordedNotifications {

	private RecordedNotifications() {
	}

	/**
	 * @param client the client of the service
	 * @param orderId the order
	 * @return the answer listing the notifications of the order
	 */
	public static RestTestClient.ResponseSpec listNotifications(RestTestClient client, String orderId) {
		return client.get().uri("/api/notifications?orderId={orderId}", orderId).exchange();
	}

	/**
	 * @param client the client of the service
	 * @param orderId the order
	 * @return the notifications of the order, oldest first, once the service answered
	 * {@code 200}
	 */
	public static List<Map<String, Object>> notificationsOf(RestTestClient client, String orderId) {
		return listNotifications(client, orderId).expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
