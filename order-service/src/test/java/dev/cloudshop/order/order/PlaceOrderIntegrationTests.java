package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cloudshop.order.inventory.InventoryClient;
import dev.cloudshop.order.payment.PaymentClient;
import dev.cloudshop.order.resilience.OutcomeUnknownException;
import dev.cloudshop.testinfra.RealKafka;
import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;

/**
 * POST /api/orders over HTTP on the real database, with inventory-service and
 * payment-service answering through mocks of their clients.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "order.saga.recovery-interval=1h",
				"order.admission.max-concurrent-placements=2" })
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, RealKafka.class })
class PlaceOrderIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrderPlacement placement;

	@MockitoBean
	InventoryClient inventory;

	@MockitoBean
	PaymentClient payments;

	private final String customer = "customer-" + UUID.randomUUID();

	@BeforeEach
	void dependenciesWork() {
		given(this.inventory.reserve(anyString(), any()))
			.willAnswer((invocation) -> reserved(invocation.getArgument(0), invocation.getArgument(1)));
		given(this.inventory.release(anyString())).willReturn(true);
		given(this.payments.charge(anyString(), any(), anyString(), anyString()))
			.willAnswer((invocation) -> approved(invocation.getArgument(0)));
	}

	@Test
	void placesAnOrderAndReplaysItForTheSameKey() {
		String key = UUID.randomUUID().toString();

		place(key, body("KB-0001", 2)).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist(OrderController.REPLAYED)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PROCESSED");
		place(key, body("KB-0001", 2)).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(OrderController.REPLAYED, "true")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PROCESSED");

		assertThat(ordersOfCustomer()).isOne();
	}

	@Test
	void answersTheOrdersStateNowWhenAKeyIsReplayedAfterItSettled() {
		given(this.payments.charge(anyString(), any(), anyString(), anyString()))
			.willThrow(new OutcomeUnknownException("payment-service", new RuntimeException("read timed out")));
		String key = UUID.randomUUID().toString();
		String id = place(key, body("KB-0001", 1)).expectStatus()
			.isAccepted()
			.expectBody(OrderView.class)
			.returnResult()
			.getResponseBody()
			.id()
			.toString();
		place(key, body("KB-0001", 1)).expectStatus().isEqualTo(409);

		given(this.payments.voidCharge(id)).willReturn(approved(id));
		this.placement.resume(UUID.fromString(id));

		place(key, body("KB-0001", 1)).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(OrderController.REPLAYED, "true")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PROCESSED");
	}

	@Test
	void refusesTheKeyForAnotherBody() {
		String key = UUID.randomUUID().toString();
		place(key, body("KB-0001", 1)).expectStatus().isCreated();

		place(key, body("KB-0001", 3)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/idempotency-key-reused");
	}

	@Test
	void refusesTheSameProductTwiceAndStoresNothing() {
		String twice = """
				{"customerId": "%s", "email": "ada@example.com", "paymentToken": "tok_approve",
				 "lines": [{"sku": "KB-0001", "quantity": 1}, {"sku": "KB-0001", "quantity": 2}]}
				""".formatted(this.customer);
		String key = UUID.randomUUID().toString();

		place(key, twice).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("lines[1].sku");

		assertNothingStoredFor(key);
	}

	@Test
	void refusesAnUnknownFieldAndStoresNothing() {
		String extra = """
				{"customerId": "%s", "email": "ada@example.com", "paymentToken": "tok_approve",
				 "lines": [{"sku": "KB-0001", "quantity": 1}], "discount": 100}
				""".formatted(this.customer);
		String key = UUID.randomUUID().toString();

		place(key, extra).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("discount");

		assertNothingStoredFor(key);
	}

	@Test
	void shedsAnOrderBeyondItsCapacityWithRetryAfterAndStoresNothing() throws Exception {
		CountDownLatch charging = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		given(this.payments.charge(anyString(), any(), anyString(), anyString())).willAnswer((invocation) -> {
			charging.countDown();
			release.await(10, TimeUnit.SECONDS);
			return approved(invocation.getArgument(0));
		});
		List<CompletableFuture<Integer>> busy = List.of(placeInBackground(), placeInBackground());
		assertThat(charging.await(10, TimeUnit.SECONDS)).isTrue();
		String key = UUID.randomUUID().toString();
		try {
			place(key, body("KB-0001", 1)).expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "1")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://cloudshop.dev/problems/overloaded");
			assertThat(ordersOfCustomer()).isEqualTo(2);
			assertNoKey(key);
		}
		finally {
			release.countDown();
		}
		for (CompletableFuture<Integer> placed : busy) {
			assertThat(placed.get(10, TimeUnit.SECONDS)).isEqualTo(201);
		}
		place(key, body("KB-0001", 1)).expectStatus().isCreated();
	}

	@Test
	void answersTheOrdersStateInsteadOfAnErrorWhenADependencyMisbehavesUnexpectedly() {
		willThrow(new IllegalArgumentException("garbled answer")).given(this.inventory).reserve(anyString(), any());

		place(UUID.randomUUID().toString(), body("KB-0001", 1)).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING");
	}

	private CompletableFuture<Integer> placeInBackground() {
		return CompletableFuture
			.supplyAsync(() -> place(UUID.randomUUID().toString(), body("KB-0001", 1)).returnResult(String.class)
				.getStatus()
				.value());
	}

	private void assertNothingStoredFor(String key) {
		assertThat(ordersOfCustomer()).isZero();
		assertNoKey(key);
	}

	private void assertNoKey(String key) {
		assertThat(this.jdbc.queryForObject("select count(*) from idempotency_key where key = ?", Integer.class, key))
			.isZero();
	}

	private int ordersOfCustomer() {
		return this.jdbc.queryForObject("select count(*) from orders where customer_id = ?", Integer.class,
				this.customer);
	}

	private RestTestClient.ResponseSpec place(String key, String body) {
		return this.client.post()
			.uri("/api/orders")
			.header(OrderController.IDEMPOTENCY_KEY, key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private String body(String sku, int quantity) {
		return """
				{"customerId": "%s", "email": "ada@example.com", "paymentToken": "tok_approve",
				 "lines": [{"sku": "%s", "quantity": %d}]}
				""".formatted(this.customer, sku, quantity);
	}

	private static InventoryClient.ReservationOutcome reserved(String orderId, List<InventoryClient.Line> lines) {
		BigDecimal price = new BigDecimal("89.00");
		List<InventoryClient.PricedLine> priced = lines.stream()
			.map((line) -> new InventoryClient.PricedLine(line.sku(), line.quantity(),
					new InventoryClient.Money(price, "EUR")))
			.toList();
		BigDecimal total = price
			.multiply(BigDecimal.valueOf(lines.stream().mapToInt(InventoryClient.Line::quantity).sum()));
		return new InventoryClient.ReservationOutcome.Reserved(
				new InventoryClient.Reservation(orderId, "RESERVED", priced, new InventoryClient.Money(total, "EUR")));
	}

	private static PaymentClient.Payment approved(String orderId) {
		return new PaymentClient.Payment(UUID.randomUUID(), orderId, "APPROVED", null);
	}

}
