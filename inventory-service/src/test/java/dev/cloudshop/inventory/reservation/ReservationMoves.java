package dev.cloudshop.inventory.reservation;

import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Commits and releases of a reservation, and the answer to one its state refuses.
 */
final class ReservationMoves {

	private ReservationMoves() {
	}

	/**
	 * @param client the client of the service
	 * @param orderId the order whose reservation moves
	 * @param move {@code commit} or {@code release}
	 * @return the answer
	 */
	static RestTestClient.ResponseSpec move(RestTestClient client, String orderId, String move) {
		return client.post().uri("/api/reservations/{orderId}/" + move, orderId).exchange();
	}

	/**
	 * Checks the {@code 409} problem of a move the reservation's state refuses. Not
	 * through {@code ProblemAssert}: that problem has a second {@code status} member, the
	 * reservation's, which hides the HTTP status from a JSON reader.
	 * @param answer the answer to the move
	 * @param slug the expected problem type
	 */
	static void assertRefusedMove(RestTestClient.ResponseSpec answer, String slug) {
		answer.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/" + slug);
	}

}
