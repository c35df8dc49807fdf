package dev.cloudshop.inventory.reservation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.TestProducts;
import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.inventory.reservation.ReservationMoves.assertRefusedMove;
import static dev.cloudshop.inventory.reservation.ReservationMoves.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "inventory.reservations.time-to-live=1s",
				"inventory.reservations.expiry-check-interval=200ms" })
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
class ReservationExpiryIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void givesTheStockOfAnAbandonedReservationBack() {
		InventoryDatabase database = new InventoryDatabase(this.jdbc);
		String sku = new TestProducts(this.client).create("EXP", "5.00", 3);
		String orderId = "abandoned-" + UUID.randomUUID();
		this.client.post()
			.uri("/api/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("orderId", orderId, "lines", List.of(Map.of("sku", sku, "quantity", 2))))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(database.stockOf(sku)).containsEntry("available", 1).containsEntry("reserved", 2);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(database.reservationStatus(orderId)).isEqualTo("EXPIRED"));
		assertThat(database.stockOf(sku)).containsEntry("available", 3).containsEntry("reserved", 0);
		assertRefusedMove(move(this.client, orderId, "commit"), "reservation-expired", orderId);
	}

}
