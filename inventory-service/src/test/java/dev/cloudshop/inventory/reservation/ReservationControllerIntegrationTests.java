package dev.cloudshop.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudshop.inventory.ConcurrentRequests;
import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.InventoryServiceTest;
import dev.cloudshop.inventory.TestProducts;
import dev.cloudshop.testinfra.ProblemAssert;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.inventory.reservation.ReservationMoves.assertRefusedMove;
import static dev.cloudshop.inventory.reservation.ReservationMoves.move;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@InventoryServiceTest
class ReservationControllerIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	ConcurrentRequests concurrent;

	InventoryDatabase database;

	TestProducts products;

	String keyboard;

	String mouse;

	@BeforeEach
	void createProducts() {
		this.database = new InventoryDatabase(this.jdbc);
		this.products = new TestProducts(this.client);
		this.concurrent = new ConcurrentRequests(this.port);
		this.keyboard = this.products.create("T", "89.00", 10);
		this.mouse = this.products.create("T", "34.50", 5);
	}

	@Test
	void reservesAtTheCatalogsPricesAndHoldsTheStock() {
		reserve(reservation("order-1-" + UUID.randomUUID(), line(this.keyboard, 2), line(this.mouse, 1))).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("RESERVED")
			.jsonPath("$.lines.length()")
			.isEqualTo(2)
			.jsonPath("$.lines[?(@.sku == '" + this.keyboard + "')].unitPrice.amount")
			.isEqualTo(89.0)
			.jsonPath("$.total.amount")
			.isEqualTo(212.5)
			.jsonPath("$.total.currency")
			.isEqualTo("EUR");
		assertThat(this.database.stockOf(this.keyboard)).containsEntry("available", 8).containsEntry("reserved", 2);
		assertThat(this.database.stockOf(this.mouse)).containsEntry("available", 4).containsEntry("reserved", 1);
	}

	@Test
	void repeatsTheSameReservationWithoutHoldingStockTwice() {
		String orderId = "order-" + UUID.randomUUID();
		String first = reserveOk(orderId, 201, line(this.keyboard, 3));
		String again = reserveOk(orderId, 200, line(this.keyboard, 3));
		assertThat(again).isEqualTo(first);
		assertThat(this.database.stockOf(this.keyboard)).containsEntry("available", 7).containsEntry("reserved", 3);
	}

	@Test
	void refusesOtherLinesForAnOrderThatAlreadyHoldsAReservation() {
		String orderId = "order-" + UUID.randomUUID();
		reserveOk(orderId, 201, line(this.keyboard, 1));
		Map<String, Object> before = this.database.snapshot();
		assertThatProblem(reserve(reservation(orderId, line(this.keyboard, 2)))).hasStatus(409)
			.hasType("reservation-mismatch");
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void refusesShortStockNamingEachShortSkuAndHoldsNothing() {
		Map<String, Object> before = this.database.snapshot();
		String orderId = "order-" + UUID.randomUUID();
		assertThatProblem(reserve(reservation(orderId, line(this.keyboard, 11), line(this.mouse, 6)))).hasStatus(409)
			.hasType("insufficient-stock")
			.satisfies((problem) -> assertThat(problem.path("shortages").values()).containsExactlyInAnyOrder(
					JSON.valueToTree(Map.of("sku", this.keyboard, "requested", 11, "available", 10)),
					JSON.valueToTree(Map.of("sku", this.mouse, "requested", 6, "available", 5))));
		assertThat(this.database.snapshot()).isEqualTo(before);
		assertThat(this.database.reservationCount(orderId)).isZero();
	}

	@Test
	void refusesAnUnknownSkuAndHoldsNothing() {
		Map<String, Object> before = this.database.snapshot();
		assertThatProblem(
				reserve(reservation("order-" + UUID.randomUUID(), line(this.keyboard, 1), line("NO-SUCH-SKU", 1))))
			.hasStatus(422)
			.hasType("unknown-product")
			.hasMember("skus", List.of("NO-SUCH-SKU"));
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void commitsOnceAndSellsTheHeldUnits() {
		String orderId = reserveFourKeyboardsAndMoveTwice("commit", "COMMITTED");
		assertThat(this.database.stockOf(this.keyboard)).containsEntry("available", 6)
			.containsEntry("reserved", 0)
			.containsEntry("sold", 4);
		assertRefusedMove(move(this.client, orderId, "release"), "reservation-committed", orderId);
	}

	@Test
	void releasesOnceAndGivesTheUnitsBack() {
		String orderId = reserveFourKeyboardsAndMoveTwice("release", "RELEASED");
		assertThat(this.database.stockOf(this.keyboard)).containsEntry("available", 10)
			.containsEntry("reserved", 0)
			.containsEntry("sold", 0);
		assertRefusedMove(move(this.client, orderId, "commit"), "reservation-released", orderId);
	}

	@Test
	void answersAnUnknownOrderWithANotFoundProblem() {
		for (String move : List.of("commit", "release")) {
			assertThatProblem(move(this.client, "no-such-order", move)).hasStatus(404)
				.hasMember("orderId", "no-such-order");
		}
	}

	@Test
	void neverOversellsWhenSixtyOrdersRaceForTheLastTenUnits() throws Exception {
		String lastTen = this.products.create("T", "19.99", 10);
		IntFunction<Map<String, Object>> order = (i) -> reservation("race-" + i + "-" + UUID.randomUUID(),
				line(lastTen, 1));
		List<Integer> statuses = new ArrayList<>(reserveAtOnce(60, order));
		// On a busy machine a request may get no database connection within the pool's
		// 2 s: it is answered 503, decided nothing, and its client sends it again.
		for (int i = 0; i < statuses.size(); i++) {
			for (int attempt = 0; statuses.get(i) == 503 && attempt < 10; attempt++) {
				statuses.set(i,
						this.concurrent.send("POST", "/api/reservations", JSON.writeValueAsString(order.apply(i))));
			}
		}
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(10);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(50);
		assertThat(this.database.stockOf(lastTen)).containsEntry("available", 0)
			.containsEntry("reserved", 10)
			.containsEntry("sold", 0);
		assertThat(this.jdbc.queryForObject("select coalesce(sum(quantity), 0) from reservation_line where sku = ?",
				Integer.class, lastTen))
			.isEqualTo(10);
	}

	@Test
	void holdsStockOnceWhenTheSameOrderIsReservedConcurrently() throws Exception {
		String orderId = "order-" + UUID.randomUUID();
		List<Integer> statuses = reserveAtOnce(10, (i) -> reservation(orderId, line(this.keyboard, 2)));
		assertThat(statuses).containsOnly(200, 201);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(this.database.reservationCount(orderId)).isOne();
		assertThat(this.database.stockOf(this.keyboard)).containsEntry("available", 8).containsEntry("reserved", 2);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					missing order id          | {"lines":[{"sku":"KB-0001","quantity":1}]}                               | 400 | validation-failed | orderId
					blank order id            | {"orderId":" ","lines":[{"sku":"KB-0001","quantity":1}]}                  | 400 | validation-failed | orderId
					order id with spaces      | {"orderId":"a b","lines":[{"sku":"KB-0001","quantity":1}]}                | 400 | validation-failed | orderId
					missing lines             | {"orderId":"o-1"}                                                         | 400 | validation-failed | lines
					no lines                  | {"orderId":"o-1","lines":[]}                                              | 400 | validation-failed | lines
					missing quantity          | {"orderId":"o-1","lines":[{"sku":"KB-0001"}]}                             | 400 | validation-failed | lines[0].quantity
					zero quantity             | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":0}]}                | 400 | validation-failed | lines[0].quantity
					negative quantity         | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":-3}]}               | 400 | validation-failed | lines[0].quantity
					quantity over the cap     | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":101}]}              | 400 | validation-failed | lines[0].quantity
					huge quantity             | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":99999999999999}]}   | 400 | malformed-request | lines[0].quantity
					fractional quantity       | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":1.5}]}              | 400 | malformed-request | lines[0].quantity
					quantity as text          | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":"two"}]}            | 400 | malformed-request | lines[0].quantity
					lines as object           | {"orderId":"o-1","lines":{"sku":"KB-0001"}}                               | 400 | malformed-request | lines
					extra field               | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":1}],"price":1}      | 400 | malformed-request | price
					extra field in a line     | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":1,"unitPrice":1}]}  | 400 | malformed-request | lines[0].unitPrice
					sku listed twice          | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":1},{"sku":"KB-0001","quantity":2}]} | 400 | validation-failed | lines
					sku listed twice alike    | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":1},{"sku":"KB-0001","quantity":1}]} | 400 | validation-failed | lines
					Arabic-Indic quantity     | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":"\u0661"}]}    | 400 | malformed-request | lines[0].quantity
					fullwidth quantity        | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":"\uFF12"}]}    | 400 | malformed-request | lines[0].quantity
					quantity as digit text    | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":"2"}]}              | 400 | malformed-request | lines[0].quantity
					quantity as boolean       | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":true}]}             | 400 | malformed-request | lines[0].quantity
					quantity just past int    | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":2147483648}]}       | 400 | malformed-request | lines[0].quantity
					quantity given twice      | {"orderId":"o-1","lines":[{"sku":"KB-0001","quantity":1,"quantity":2}]}   | 400 | malformed-request |
					order id given twice      | {"orderId":"o-1","orderId":"o-2","lines":[{"sku":"KB-0001","quantity":1}]} | 400 | malformed-request |
					order id in Arabic digits | {"orderId":"\u0661","lines":[{"sku":"KB-0001","quantity":1}]}             | 400 | validation-failed | orderId
					sku with a NUL            | {"orderId":"o-1","lines":[{"sku":"KB-0001\\u0000","quantity":1}]}        | 400 | validation-failed | lines[0].sku
					sku with a line break     | {"orderId":"o-1","lines":[{"sku":"KB-0001\\n","quantity":1}]}            | 400 | validation-failed | lines[0].sku
					sku over 64 characters    | {"orderId":"o-1","lines":[{"sku":"KB-00000000000000000000000000000000000000000000000000000000000001","quantity":1}]} | 400 | validation-failed | lines[0].sku
					blank sku                 | {"orderId":"o-1","lines":[{"sku":" ","quantity":1}]}                      | 400 | validation-failed | lines[0].sku
					null line                 | {"orderId":"o-1","lines":[null]}                                          | 400 | validation-failed | lines[0]
					malformed JSON            | {"orderId":"o-1","lines":[                                                | 400 | malformed-request |
					""")
	void refusesBadInputWithAProblemAndStoresNothing(String name, String body, int status, String type, String field) {
		Map<String, Object> before = this.database.snapshot();
		ProblemAssert problem = assertThatProblem(reserve(body)).hasStatus(status).hasType(type);
		if (field != null) {
			problem.hasField(field);
		}
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | ''
			POST | /commit
			POST | /release
			""")
	void answersOddOrderIdsInThePathWithANotFoundProblemAndChangesNothing(String method, String move) {
		for (String orderId : List.of("%", "_", "a b", "a;b", "\u0661", "\u202E", "x".repeat(2000))) {
			Map<String, Object> before = this.database.snapshot();
			assertThatProblem(this.client.method(HttpMethod.valueOf(method))
				.uri("/api/reservations/{orderId}" + move, orderId)
				.exchange()).hasStatus(404);
			assertThat(this.database.snapshot()).isEqualTo(before);
		}
	}

	@Test
	void refusesTooManyLines() {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < ReservationController.MAX_LINES + 1; i++) {
			lines.add(line("SKU-" + i, 1));
		}
		assertThatProblem(reserve(Map.of("orderId", "o-1", "lines", lines))).hasStatus(400).hasField("lines");
	}

	@Test
	void refusesAnOversizedBodyWithAPayloadTooLargeProblem() {
		Map<String, Object> before = this.database.snapshot();
		String padding = "x".repeat(20 * 1024);
		assertThatProblem(reserve("{\"orderId\":\"o-1\",\"lines\":[{\"sku\":\"" + padding + "\",\"quantity\":1}]}"))
			.hasStatus(413)
			.hasType("payload-too-large");
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void putsTheTraceIdInEveryProblem() {
		assertThatProblem(this.client.post()
			.uri("/api/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.body("{}")
			.exchange()).hasStatus(400).hasMember("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
	}

	private List<Integer> reserveAtOnce(int requests, IntFunction<Map<String, Object>> reservation) throws Exception {
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			String payload = JSON.writeValueAsString(reservation.apply(i));
			calls.add(() -> this.concurrent.send("POST", "/api/reservations", payload));
		}
		return ConcurrentRequests.race(requests, calls);
	}

	private RestTestClient.ResponseSpec reserve(Object body) {
		return this.client.post()
			.uri("/api/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	// Moves the reservation twice, as a repeated request would: each answers the state
	// it moved to. Returns the order.
	private String reserveFourKeyboardsAndMoveTwice(String move, String status) {
		String orderId = "order-" + UUID.randomUUID();
		reserveOk(orderId, 201, line(this.keyboard, 4));
		for (int i = 0; i < 2; i++) {
			move(this.client, orderId, move).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(status);
		}
		return orderId;
	}

	private String reserveOk(String orderId, int status, Map<String, Object> line) {
		return new String(reserve(reservation(orderId, line)).expectStatus()
			.isEqualTo(status)
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	@SafeVarargs
	private static Map<String, Object> reservation(String orderId, Map<String, Object>... lines) {
		return Map.of("orderId", orderId, "lines", List.of(lines));
	}

	private static Map<String, Object> line(String sku, int quantity) {
		return Map.of("sku", sku, "quantity", quantity);
	}

}
