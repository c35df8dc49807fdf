package dev.cloudshop.inventory.stock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.InventoryServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
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

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void keepsHeldAndSoldUnitsWhileAdministratorsSetTheAvailableStockConcurrently() throws Exception {
		InventoryDatabase database = new InventoryDatabase(this.jdbc);
		String sku = "STK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.client.post()
			.uri("/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", sku, "name", "Contended", "category", "Test", "price",
					Map.of("amount", "3.00", "currency", "EUR"), "initialStock", 400))
			.exchange()
			.expectStatus()
			.isCreated();
		Random random = new Random();
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String orderId = "stock-race-" + i + "-" + UUID.randomUUID();
			int quantity = 1 + random.nextInt(3);
			boolean commits = random.nextInt(3) == 0;
			calls.add(() -> {
				int status = send("POST", "/api/reservations", "{\"orderId\":\"" + orderId + "\",\"lines\":[{\"sku\":\""
						+ sku + "\",\"quantity\":" + quantity + "}]}");
				return (status == 201 && commits) ? send("POST", "/api/reservations/" + orderId + "/commit", null)
						: status;
			});
		}
		for (int i = 0; i < 100; i++) {
			int available = 200 + random.nextInt(200);
			calls.add(() -> send("PUT", "/admin/products/" + sku + "/stock", "{\"available\":" + available + "}"));
		}
		Collections.shuffle(calls, random);

		List<Integer> statuses = race(calls);

		assertThat(statuses).isSubsetOf(200, 201, 409);
		Map<String, Object> ledger = database.ledgerOf(sku);
		assertThat(((Number) ledger.get("reserved")).intValue()).as("reserved: " + ledger)
			.isEqualTo(((Number) ledger.get("held")).intValue());
		assertThat(((Number) ledger.get("sold")).intValue()).as("sold: " + ledger)
			.isEqualTo(((Number) ledger.get("committed")).intValue());
	}

	private List<Integer> race(List<Callable<Integer>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (Callable<Integer> call : calls) {
				results.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int send(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
