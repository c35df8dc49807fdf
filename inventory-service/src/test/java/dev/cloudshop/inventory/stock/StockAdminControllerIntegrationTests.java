package dev.cloudshop.inventory.stock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import dev.cloudshop.inventory.ConcurrentRequests;
import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.InventoryServiceTest;
import dev.cloudshop.inventory.TestProducts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@InventoryServiceTest
class StockAdminControllerIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void keepsHeldAndSoldUnitsWhileAdministratorsSetTheAvailableStockConcurrently() throws Exception {
		InventoryDatabase database = new InventoryDatabase(this.jdbc);
		ConcurrentRequests concurrent = new ConcurrentRequests(this.port);
		String sku = new TestProducts(this.client).create("STK", "3.00", 400);
		Random random = new Random();
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String orderId = "stock-race-" + i + "-" + UUID.randomUUID();
			int quantity = 1 + random.nextInt(3);
			boolean commits = random.nextInt(3) == 0;
			calls.add(() -> {
				int status = concurrent.send("POST", "/api/reservations", "{\"orderId\":\"" + orderId
						+ "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}");
				return (status == 201 && commits)
						? concurrent.send("POST", "/api/reservations/" + orderId + "/commit", null) : status;
			});
		}
		for (int i = 0; i < 100; i++) {
			int available = 200 + random.nextInt(200);
			calls.add(() -> concurrent.send("PUT", "/admin/products/" + sku + "/stock",
					"{\"available\":" + available + "}"));
		}
		Collections.shuffle(calls, random);

		List<Integer> statuses = ConcurrentRequests.race(16, calls);

		assertThat(statuses).isSubsetOf(200, 201, 409);
		Map<String, Object> ledger = database.ledgerOf(sku);
		assertThat(((Number) ledger.get("reserved")).intValue()).as("reserved: " + ledger)
			.isEqualTo(((Number) ledger.get("held")).intValue());
		assertThat(((Number) ledger.get("sold")).intValue()).as("sold: " + ledger)
			.isEqualTo(((Number) ledger.get("committed")).intValue());
	}

}
