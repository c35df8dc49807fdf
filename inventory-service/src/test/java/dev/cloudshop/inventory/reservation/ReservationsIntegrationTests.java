package dev.cloudshop.inventory.reservation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.InventoryServiceTest;
import dev.cloudshop.inventory.TestProducts;
import dev.cloudshop.inventory.stock.StockLedger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@InventoryServiceTest
class ReservationsIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Reservations reservations;

	@Autowired
	ReservationService service;

	@Autowired
	StockLedger stock;

	@Autowired
	Clock clock;

	@Test
	void savesChangesToReservationsLoadedBeforeAStockMoveOfTheSameTransaction() {
		InventoryDatabase database = new InventoryDatabase(this.jdbc);
		String sku = new TestProducts(this.client).create("RSV", "2.00", 9);
		List<String> orders = List.of("batch-a-" + UUID.randomUUID(), "batch-b-" + UUID.randomUUID(),
				"batch-c-" + UUID.randomUUID());
		orders.forEach((orderId) -> this.service.reserve(orderId, Map.of(sku, 3)));

		this.transaction.executeWithoutResult((status) -> {
			List<Reservation> loaded = orders.stream()
				.map((orderId) -> this.reservations.findForUpdate(orderId).orElseThrow())
				.toList();
			for (Reservation reservation : loaded) {
				assertThat(reservation.release(this.clock.instant())).isTrue();
				reservation.getLines().forEach((line) -> this.stock.release(line.sku(), line.quantity()));
			}
		});

		assertThat(orders)
			.allSatisfy((orderId) -> assertThat(database.reservationStatus(orderId)).as(orderId).isEqualTo("RELEASED"));
		assertThat(database.stockOf(sku)).containsEntry("available", 9).containsEntry("reserved", 0);
	}

}
