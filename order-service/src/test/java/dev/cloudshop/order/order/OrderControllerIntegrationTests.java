package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.order.OrderServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@OrderServiceTest
class OrderControllerIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Orders orders;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void returnsAPendingOrderWithItsLinesById() {
		String customerId = uniqueCustomer();
		Order order = this.orders.save(new Order(customerId, "ada@example.com",
				List.of(new OrderLine("KB-0001", 2, new BigDecimal("89.00")), new OrderLine("MS-0002", 1, null)),
				now()));

		this.client.get()
			.uri("/api/orders/{id}", order.getId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{
					  "id": "%s",
					  "customerId": "%s",
					  "email": "ada@example.com",
					  "status": "PENDING",
					  "failureReason": null,
					  "failureDetail": null,
					  "lines": [
					    { "sku": "KB-0001", "quantity": 2, "unitPrice": 89.00 },
					    { "sku": "MS-0002", "quantity": 1, "unitPrice": null }
					  ],
					  "total": null,
					  "createdAt": "%s",
					  "updatedAt": "%s"
					}
					""".formatted(order.getId(), customerId, order.getCreatedAt(), order.getUpdatedAt()),
					JsonCompareMode.STRICT);
	}

	@Test
	void numbersTheStoredLinesFromOneInTheirOrder() {
		Order order = this.orders.save(new Order(uniqueCustomer(), "ada@example.com",
				List.of(new OrderLine("KB-0001", 1, null), new OrderLine("MS-0002", 3, null)), now()));

		List<String> rows = this.jdbc.queryForList(
				"select line_no || ':' || sku || 'x' || quantity from order_line where order_id = ? order by line_no",
				String.class, order.getId());

		assertThat(rows).containsExactly("1:KB-0001x1", "2:MS-0002x3");
	}

	@Test
	void showsTheTotalOfAProcessedOrder() {
		var order = new Order(uniqueCustomer(), "ada@example.com",
				List.of(new OrderLine("KB-0001", 2, null), new OrderLine("MS-0002", 1, null)), now());
		order.stockReserved(List.of(new OrderLine("KB-0001", 2, new BigDecimal("19.99")),
				new OrderLine("MS-0002", 1, new BigDecimal("5"))), "EUR", now());
		order.paid(UUID.randomUUID(), now());
		order.processed(now());
		saveWithoutEvents(order);

		this.client.get()
			.uri("/api/orders/{id}", order.getId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PROCESSED")
			.jsonPath("$.total.amount")
			.isEqualTo(44.98)
			.jsonPath("$.total.currency")
			.isEqualTo("EUR")
			.jsonPath("$.failureReason")
			.value((reason) -> assertThat(reason).isNull());
	}

	@Test
	void showsWhyAnOrderFailed() {
		var order = new Order(uniqueCustomer(), "ada@example.com", List.of(new OrderLine("KB-0001", 5, null)), now());
		order.fail(FailureReason.OUT_OF_STOCK, "Only 3 of KB-0001 left", now());
		saveWithoutEvents(order);

		this.client.get()
			.uri("/api/orders/{id}", order.getId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("FAILED")
			.jsonPath("$.failureReason")
			.isEqualTo("OUT_OF_STOCK")
			.jsonPath("$.failureDetail")
			.isEqualTo("Only 3 of KB-0001 left")
			.jsonPath("$.total")
			.value((total) -> assertThat(total).isNull());
	}

	@Test
	void listsOnlyTheCustomersOrdersNewestFirst() {
		String customerId = uniqueCustomer();
		Order older = this.orders
			.save(new Order(customerId, "ada@example.com", List.of(new OrderLine("KB-0001", 1, null)), now()));
		Order newer = this.orders
			.save(new Order(customerId, "ada@example.com", List.of(new OrderLine("BK-0010", 2, null)), now()));
		this.orders
			.save(new Order(uniqueCustomer(), "bob@example.com", List.of(new OrderLine("KB-0001", 1, null)), now()));
		assertThat(newer.getCreatedAt()).isAfter(older.getCreatedAt());

		this.client.get()
			.uri("/api/orders?customerId={customerId}", customerId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].id")
			.isEqualTo(newer.getId().toString())
			.jsonPath("$[0].lines[0].sku")
			.isEqualTo("BK-0010")
			.jsonPath("$[0].lines[0].quantity")
			.isEqualTo(2)
			.jsonPath("$[1].id")
			.isEqualTo(older.getId().toString())
			.jsonPath("$[*].customerId")
			.isEqualTo(List.of(customerId, customerId));
	}

	@Test
	void listsNothingForACustomerWithoutOrders() {
		this.client.get()
			.uri("/api/orders?customerId={customerId}", uniqueCustomer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[]", JsonCompareMode.STRICT);
	}

	@Test
	void returnsNotFoundProblemForUnknownOrder() {
		UUID id = UUID.randomUUID();

		assertThatProblem(this.client.get().uri("/api/orders/{id}", id).exchange()).hasStatus(404)
			.hasType("not-found")
			.hasTitle("Unknown order")
			.hasMember("orderId", id)
			.hasInstance("/api/orders/" + id);
	}

	@Test
	void returnsValidationProblemForMalformedOrderId() {
		assertThatProblem(this.client.get().uri("/api/orders/not-a-uuid").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasField("id")
			.doesNotMention("not-a-uuid");
	}

	@Test
	void returnsValidationProblemWithoutCustomerId() {
		assertThatProblem(this.client.get().uri("/api/orders").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasField("customerId")
			.hasDetail("customerId is required");
	}

	@Test
	void returnsValidationProblemForBlankCustomerId() {
		assertThatProblem(this.client.get().uri("/api/orders?customerId= ").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasField("customerId");
	}

	/**
	 * Stores a settled order as a fixture: its event is not published (this context has
	 * no broker to send it to).
	 */
	private void saveWithoutEvents(Order order) {
		order.clearDomainEvents();
		this.orders.save(order);
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String uniqueCustomer() {
		return "customer-" + UUID.randomUUID();
	}

}
