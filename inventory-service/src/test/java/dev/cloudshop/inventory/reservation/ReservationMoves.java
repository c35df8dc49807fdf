package dev.cloudshop.inventory.reservation;

import java.util.Locale;

import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;

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
	 * Checks the {@code 409} problem of a move the reservation's state refuses.
	 * @param answer the answer to the move
	 * @param slug the expected problem type, such as {@code reservation-expired}
	 * @param orderId the order whose reservation refused
	 */
	static void assertRefusedMove(RestTestClient.ResponseSpec answer, String slug, String orderId) {
		assertThatProblem(answer).hasStatus(409)
			.hasType(slug)
			.hasMember("orderId", orderId)
			.hasMember("reservationStatus", slug.substring("reservation-".length()).toUpperCase(Locale.ROOT));
	}

}
