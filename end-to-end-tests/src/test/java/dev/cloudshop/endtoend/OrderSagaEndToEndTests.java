package dev.cloudshop.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Placing orders through the gateway on the running suite: the saga across
 * inventory-service, payment-service, Kafka and notification-service, when everything
 * works and when parts of it fail. After every test the books must balance: charges kept
 * equal processed orders, and no unit of stock appeared or vanished.
 */
class OrderSagaEndToEndTests {

	static LocalStack stack;

	static Gateway gateway;

	static SuiteDatabases databases;

	static OrderEvents events;

	static Map<String, Long> startingStock;

	String email;

	@BeforeAll
	static void startSuite() {
		stack = RunningSuite.get();
		gateway = new Gateway(stack.gatewayUrl());
		databases = new SuiteDatabases(stack);
		events = new OrderEvents(stack.kafkaBootstrapServers());
		startingStock = databases.stockTotals();
	}

	@BeforeEach
	void newCustomer() {
		this.email = "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	@AfterEach
	void booksBalance() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(
					databases.count("orders", "select count(*) from orders where status not in ('PROCESSED','FAILED')"))
				.as("orders still unsettled")
				.isZero();
			assertThat(databases.chargesKept()).as("charges kept = processed orders")
				.isEqualTo(databases.processedOrders());
		});
		assertThat(databases.stockTotals()).as("available + reserved + sold of every product").isEqualTo(startingStock);
	}

	@Test
	void processesAnOrderChargesOnceAndNotifiesTheCustomerOnce() {
		Map<String, Long> before = databases.stockOf("KB-0001");
		Gateway.Response response = place(List.of(line("KB-0001", 2)), "tok_approve", UUID.randomUUID().toString());

		assertThat(response.status()).isEqualTo(201);
		JsonNode order = response.json();
		String orderId = order.get("id").asString();
		assertThat(order.get("status").asString()).isEqualTo("PROCESSED");
		assertThat(order.get("total").get("amount").decimalValue()).isEqualByComparingTo("178.00");
		assertThat(databases.stockOf("KB-0001")).containsEntry("available", before.get("available") - 2)
			.containsEntry("sold", before.get("sold") + 2);
		assertThat(databases.paymentsFor(orderId)).isOne();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(gateway.get("/api/notifications?orderId=" + orderId).json()).hasSize(1);
			assertThat(mailsTo(this.email)).hasSize(1);
		});
		List<ConsumerRecord<String, String>> published = events.withKey(OrderEvents.TOPIC, orderId);
		assertThat(published).singleElement().satisfies((record) -> {
			assertThat(OrderEvents.header(record, "ce_type")).isEqualTo("OrderProcessed");
			assertThat(OrderEvents.header(record, "ce_id")).isNotBlank();
			assertThat(OrderEvents.header(record, "traceparent")).startsWith("00-");
			assertThat(record.value()).contains("\"orderId\":\"" + orderId + "\"");
		});
		assertThat(gateway.get("/api/orders/" + orderId).json().get("status").asString()).isEqualTo("PROCESSED");
	}

	@Test
	void failsAnOrderForMoreThanTheStockWithoutCharging() {
		Map<String, Long> before = databases.stockOf("MN-0003");
		Gateway.Response response = place(List.of(line("MN-0003", 99)), "tok_approve", UUID.randomUUID().toString());

		assertThat(response.status()).isEqualTo(201);
		String orderId = response.json().get("id").asString();
		assertThat(response.json().get("status").asString()).isEqualTo("FAILED");
		assertThat(response.json().get("failureReason").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(databases.paymentsFor(orderId)).isZero();
		assertThat(databases.stockOf("MN-0003")).isEqualTo(before);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(this.email)).hasSize(1));
	}

	@Test
	void givesTheStockBackWhenThePaymentIsDeclined() {
		Map<String, Long> before = databases.stockOf("HP-0004");
		Gateway.Response response = place(List.of(line("HP-0004", 1)), "tok_decline", UUID.randomUUID().toString());

		assertThat(response.json().get("status").asString()).isEqualTo("FAILED");
		assertThat(response.json().get("failureReason").asString()).isEqualTo("PAYMENT_DECLINED");
		assertThat(databases.stockOf("HP-0004")).isEqualTo(before);
		String orderId = response.json().get("id").asString();
		assertThat(databases.count("payments",
				"select count(*) from payment where order_id = ? and status = 'DECLINED'", orderId))
			.isOne();
	}

	@Test
	void placesOneOrderAndChargesOnceForTheSameIdempotencyKeySentConcurrentlyAndAgain() throws Exception {
		String key = UUID.randomUUID().toString();
		List<Map<String, Object>> lines = List.of(line("SP-0005", 1));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Gateway.Response>> futures = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return place(lines, "tok_approve", key);
			}));
		}
		start.countDown();
		List<Gateway.Response> responses = new ArrayList<>();
		for (Future<Gateway.Response> future : futures) {
			responses.add(future.get());
		}
		pool.shutdown();
		assertThat(responses).allSatisfy((response) -> assertThat(response.status()).isIn(201, 409));
		List<String> orderIds = responses.stream()
			.filter((response) -> response.status() == 201)
			.map((response) -> response.json().get("id").asString())
			.distinct()
			.toList();
		assertThat(orderIds).hasSize(1);

		Gateway.Response again = place(lines, "tok_approve", key);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json().get("id").asString()).isEqualTo(orderIds.get(0));
		assertThat(databases.paymentsFor(orderIds.get(0))).isOne();
		assertThat(databases.count("orders", "select count(*) from orders where email = ?", this.email)).isOne();

		Gateway.Response otherBody = place(List.of(line("SP-0005", 2)), "tok_approve", key);
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void refusesBadOrdersWithProblemsAndStoresNothing() {
		long ordersBefore = databases.count("orders", "select count(*) from orders");
		assertThat(gateway
			.post("/api/orders", "application/json", "{\"customerId\":".getBytes(),
					Map.of("Idempotency-Key", UUID.randomUUID().toString()))
			.status()).isEqualTo(400);
		Gateway.Response noKey = gateway.postJson("/api/orders", order(List.of(line("KB-0001", 1)), "tok_approve"),
				Map.of());
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.json().get("field").asString()).isEqualTo("Idempotency-Key");
		Gateway.Response zero = gateway.postJson("/api/orders", order(List.of(line("KB-0001", 0)), "tok_approve"),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.contentType()).isEqualTo("application/problem+json");
		assertThat(zero.body()).doesNotContain("Exception");
		assertThat(databases.count("orders", "select count(*) from orders")).isEqualTo(ordersBefore);
	}

	@Test
	void failsFastWhilePaymentServiceIsDownAndRecoversWhenItIsBack() {
		Map<String, Long> before = databases.stockOf("CF-0007");
		stack.stopService("payment-service");
		try {
			for (int i = 0; i < 6; i++) {
				Gateway.Response response = place(List.of(line("CF-0007", 1)), "tok_approve",
						UUID.randomUUID().toString());
				assertThat(response.status()).isEqualTo(201);
				assertThat(response.json().get("failureReason").asString()).isEqualTo("DEPENDENCY_UNAVAILABLE");
				assertThat(response.took()).isLessThan(Duration.ofSeconds(10));
			}
			assertThat(databases.stockOf("CF-0007")).isEqualTo(before);
			String metrics = new Gateway(stack.instanceUrl("order-service", 0)).get("/actuator/prometheus").body();
			assertThat(metrics).containsPattern(
					"resilience4j_circuitbreaker_state\\{[^}]*name=\"payment-service\"[^}]*state=\"open\"[^}]*\\} 1\\.0");
		}
		finally {
			stack.startService("payment-service");
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Gateway.Response response = place(List.of(line("CF-0007", 1)), "tok_approve", UUID.randomUUID().toString());
			assertThat(response.json().get("status").asString()).isEqualTo("PROCESSED");
		});
	}

	@Test
	void acceptsOrdersWhileKafkaIsDownAndDeliversEveryEventOnceItIsBack() {
		stack.stopKafka();
		List<String> orderIds = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				Gateway.Response response = place(List.of(line("PN-0009", 1)), "tok_approve",
						UUID.randomUUID().toString());
				assertThat(response.json().get("status").asString()).isEqualTo("PROCESSED");
				orderIds.add(response.json().get("id").asString());
			}
		}
		finally {
			stack.startKafka();
		}
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			for (String orderId : orderIds) {
				assertThat(gateway.get("/api/notifications?orderId=" + orderId).json()).hasSize(1);
			}
		});
		for (String orderId : orderIds) {
			assertThat(events.withKey(OrderEvents.TOPIC, orderId)).hasSize(1);
		}
		// Each email goes out from notification-service's outbox a moment after its
		// notification is recorded.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(this.email)).hasSize(3));
	}

	@Test
	void notifiesOnceWhenTheSameEventIsDeliveredTwice() throws InterruptedException {
		String orderId = place(List.of(line("BK-0010", 1)), "tok_approve", UUID.randomUUID().toString()).json()
			.get("id")
			.asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(gateway.get("/api/notifications?orderId=" + orderId).json()).hasSize(1));
		ConsumerRecord<String, String> original = events.withKey(OrderEvents.TOPIC, orderId).get(0);
		ProducerRecord<String, String> duplicate = new ProducerRecord<>(OrderEvents.TOPIC, null, original.key(),
				original.value(), original.headers());
		events.send(duplicate);
		String marker = UUID.randomUUID().toString();
		String laterOrder = place(List.of(line("BK-0010", 1)), "tok_approve", marker).json().get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(gateway.get("/api/notifications?orderId=" + laterOrder).json()).hasSize(1));
		assertThat(gateway.get("/api/notifications?orderId=" + orderId).json()).hasSize(1);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(this.email)).hasSize(2));
		// ...and the duplicate never sends a third.
		Thread.sleep(2000);
		assertThat(mailsTo(this.email)).hasSize(2);
	}

	@Test
	void deadLettersAPoisonMessageAndKeepsProcessingLaterEvents() {
		String poisonKey = "poison-" + UUID.randomUUID();
		events.send(new ProducerRecord<>(OrderEvents.TOPIC, poisonKey, "this is not an order event {"));
		String orderId = place(List.of(line("BK-0011", 1)), "tok_approve", UUID.randomUUID().toString()).json()
			.get("id")
			.asString();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(events.withKey(OrderEvents.DEAD_LETTERS, poisonKey)).hasSize(1);
			assertThat(gateway.get("/api/notifications?orderId=" + orderId).json()).hasSize(1);
		});
	}

	@Test
	void bringsAnOrderToAFinalStateAfterOrderServiceIsKilledMidSaga() throws Exception {
		ExecutorService background = Executors.newSingleThreadExecutor();
		String key = UUID.randomUUID().toString();
		// tok_slow makes payment-service answer slowly: the saga is waiting on the
		// charge.
		Future<Gateway.Response> inFlight = background
			.submit(() -> place(List.of(line("EB-0006", 1)), "tok_slow", key));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> databases.count("orders", "select count(*) from orders where email = ?", this.email) == 1);
		stack.killService("order-service");
		background.shutdown();
		try {
			inFlight.get();
		}
		catch (Exception ex) {
			// The connection died with order-service: the client never got an answer.
		}
		stack.startService("order-service");
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			long settled = databases.count("orders",
					"select count(*) from orders where email = ? and status in ('PROCESSED', 'FAILED')", this.email);
			assertThat(settled).isOne();
		});
	}

	private Gateway.Response place(List<Map<String, Object>> lines, String token, String idempotencyKey) {
		return gateway.postJson("/api/orders", order(lines, token), Map.of("Idempotency-Key", idempotencyKey));
	}

	private Map<String, Object> order(List<Map<String, Object>> lines, String token) {
		return Map.of("customerId", "e2e-customer", "email", this.email, "lines", lines, "paymentToken", token);
	}

	private static Map<String, Object> line(String sku, int quantity) {
		return Map.of("sku", sku, "quantity", quantity);
	}

	private static JsonNode mailsTo(String email) {
		return new Gateway(stack.mailApiUrl()).get("/api/user/" + email + "/messages/INBOX").json();
	}

}
