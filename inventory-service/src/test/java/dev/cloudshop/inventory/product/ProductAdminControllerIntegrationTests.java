package dev.cloudshop.inventory.product;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.InventoryServiceTest;
import dev.cloudshop.inventory.TestProducts;
import dev.cloudshop.testinfra.ProblemAssert;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@InventoryServiceTest
class ProductAdminControllerIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	InventoryDatabase database;

	TestProducts products;

	String sku;

	@BeforeEach
	void newSku() {
		this.database = new InventoryDatabase(this.jdbc);
		this.products = new TestProducts(this.client);
		this.sku = TestProducts.newSku("ADM");
	}

	@Test
	void createsAProductThePublicCatalogThenShowsWithItsStock() {
		createProduct(Map.of("sku", this.sku, "name", "Desk Lamp", "description", "LED, dimmable", "category", "Home",
				"price", Map.of("amount", 24.9, "currency", "EUR"), "initialStock", 7))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/api/products/" + this.sku);
		publicProduct(this.sku).jsonPath("$.name")
			.isEqualTo("Desk Lamp")
			.jsonPath("$.price.amount")
			.isEqualTo(24.9)
			.jsonPath("$.available")
			.isEqualTo(7);
	}

	@Test
	void keepsJapaneseYenWithoutDecimals() {
		createProduct(Map.of("sku", this.sku, "name", "Tenugui", "category", "Home", "price",
				Map.of("amount", 1200, "currency", "JPY")))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"amount\":1200,"));
	}

	@Test
	void refusesASecondProductWithTheSameSku() {
		this.products.createWithSku(this.sku, "1", 0);
		Map<String, Object> before = this.database.snapshot();
		assertThatProblem(createProduct(Map.of("sku", this.sku, "name", "Again", "category", "Home", "price",
				Map.of("amount", 1, "currency", "EUR"))))
			.hasStatus(409)
			.hasType("product-exists");
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					lower-case sku         | {"sku":"abc","name":"N","category":"C","price":{"amount":1,"currency":"EUR"}}          | 400 | validation-failed | sku
					missing name           | {"sku":"OK-1","category":"C","price":{"amount":1,"currency":"EUR"}}                    | 400 | validation-failed | name
					missing price          | {"sku":"OK-1","name":"N","category":"C"}                                               | 400 | validation-failed | price
					zero price             | {"sku":"OK-1","name":"N","category":"C","price":{"amount":0,"currency":"EUR"}}         | 400 | validation-failed | price.amount
					negative price         | {"sku":"OK-1","name":"N","category":"C","price":{"amount":-5,"currency":"EUR"}}        | 400 | validation-failed | price.amount
					huge price             | {"sku":"OK-1","name":"N","category":"C","price":{"amount":1e12,"currency":"EUR"}}      | 400 | validation-failed | price.amount
					three decimals in EUR  | {"sku":"OK-1","name":"N","category":"C","price":{"amount":1.001,"currency":"EUR"}}     | 400 | validation-failed | price.amount
					decimals in JPY        | {"sku":"OK-1","name":"N","category":"C","price":{"amount":10.5,"currency":"JPY"}}      | 400 | validation-failed | price.amount
					unknown currency       | {"sku":"OK-1","name":"N","category":"C","price":{"amount":1,"currency":"XXY"}}         | 400 | validation-failed | price.currency
					price as text          | {"sku":"OK-1","name":"N","category":"C","price":{"amount":"cheap","currency":"EUR"}}   | 400 | malformed-request | price.amount
					negative stock         | {"sku":"OK-1","name":"N","category":"C","price":{"amount":1,"currency":"EUR"},"initialStock":-1} | 400 | validation-failed | initialStock
					extra field            | {"sku":"OK-1","name":"N","category":"C","price":{"amount":1,"currency":"EUR"},"color":"red"}     | 400 | malformed-request | color
					malformed JSON         | {"sku":"OK-1",                                                                         | 400 | malformed-request |
					name with a NUL        | {"sku":"OK-1","name":"N\\u0000","category":"C","price":{"amount":1,"currency":"EUR"}}  | 400 | validation-failed | name
					category with a NUL    | {"sku":"OK-1","name":"N","category":"\\u0000","price":{"amount":1,"currency":"EUR"}}   | 400 | validation-failed | category
					description with a NUL | {"sku":"OK-1","name":"N","description":"a\\u0000","category":"C","price":{"amount":1,"currency":"EUR"}} | 400 | validation-failed | description
					image id with a NUL    | {"sku":"OK-1","name":"N","category":"C","price":{"amount":1,"currency":"EUR"},"imageId":"\\u0000"} | 400 | validation-failed | imageId
					name with a line break | {"sku":"OK-1","name":"N\\nM","category":"C","price":{"amount":1,"currency":"EUR"}}     | 400 | validation-failed | name
					Arabic-Indic stock     | {"sku":"OK-1","name":"N","category":"C","price":{"amount":1,"currency":"EUR"},"initialStock":"\u0665"} | 400 | malformed-request | initialStock
					stock as digit text    | {"sku":"OK-1","name":"N","category":"C","price":{"amount":1,"currency":"EUR"},"initialStock":"5"} | 400 | malformed-request | initialStock
					name given twice       | {"sku":"OK-1","name":"N","name":"M","category":"C","price":{"amount":1,"currency":"EUR"}} | 400 | malformed-request |
					""")
	void refusesBadProductsWithAProblemAndStoresNothing(String name, String body, int status, String type,
			String field) {
		Map<String, Object> before = this.database.snapshot();
		ProblemAssert problem = assertThatProblem(createProduct(body)).hasStatus(status).hasType(type);
		if (field != null) {
			problem.hasField(field);
		}
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void setsTheAvailableStockWithoutTouchingHeldOrSoldUnits() {
		this.products.createWithSku(this.sku, "1", 0);
		setStock(this.sku, Map.of("available", 42)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.available")
			.isEqualTo(42)
			.jsonPath("$.reserved")
			.isEqualTo(0);
		assertThat(this.database.stockOf(this.sku)).containsEntry("available", 42);
	}

	@Test
	void refusesNegativeStockAndUnknownProducts() {
		this.products.createWithSku(this.sku, "1", 0);
		assertThatProblem(setStock(this.sku, Map.of("available", -1))).hasStatus(400).hasField("available");
		assertThatProblem(setStock("NOPE-404", Map.of("available", 1))).hasStatus(404);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Arabic-Indic digits | {"available":"\u0661\u0660"} | 400 | malformed-request | available
			fullwidth digits    | {"available":"\uFF11"}       | 400 | malformed-request | available
			digits as text      | {"available":"10"}           | 400 | malformed-request | available
			fraction            | {"available":1.5}            | 400 | malformed-request | available
			just past int       | {"available":2147483648}     | 400 | malformed-request | available
			over the cap        | {"available":1000001}        | 400 | validation-failed | available
			missing             | {}                           | 400 | validation-failed | available
			given twice         | {"available":1,"available":2} | 400 | malformed-request |
			""")
	void refusesBadStockWithAProblemAndChangesNothing(String name, String body, int status, String type, String field) {
		this.products.createWithSku(this.sku, "1", 0);
		Map<String, Object> before = this.database.snapshot();
		ProblemAssert problem = assertThatProblem(setStock(this.sku, body)).hasStatus(status).hasType(type);
		if (field != null) {
			problem.hasField(field);
		}
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "kb-0001", "%", "KB;0001", "\u0661", "\u202E" })
	void answersAnOddSkuInThePathWithANotFoundProblemAndChangesNothing(String sku) {
		Map<String, Object> before = this.database.snapshot();
		assertThatProblem(this.client.get().uri("/admin/products/{sku}/stock", sku).exchange()).hasStatus(404);
		assertThatProblem(setStock(sku, Map.of("available", 1))).hasStatus(404);
		assertThatProblem(updateProduct(sku,
				Map.of("name", "N", "category", "Home", "price", Map.of("amount", 1, "currency", "EUR"))))
			.hasStatus(404);
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void refusesAChangeWithAControlCharacterAndKeepsTheProduct() {
		this.products.createWithSku(this.sku, "1", 0);
		assertThatProblem(updateProduct(this.sku,
				Map.of("name", "Re\u0000named", "category", "Home", "price", Map.of("amount", 2, "currency", "EUR"))))
			.hasStatus(400)
			.hasField("name");
		publicProduct(this.sku).jsonPath("$.name")
			.isEqualTo(TestProducts.nameOf(this.sku))
			.jsonPath("$.price.amount")
			.isEqualTo(1.0);
	}

	@Test
	void keepsTheLineBreaksOfADescription() {
		createProduct(Map.of("sku", this.sku, "name", "Notebook", "description", "Dotted pages.\n\tA5, 120 sheets.",
				"category", "Office", "price", Map.of("amount", 6, "currency", "EUR")))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo("Dotted pages.\n\tA5, 120 sheets.");
	}

	@Test
	void updatesAProductsDescriptionAndPrice() {
		this.products.createWithSku(this.sku, "1", 0);
		updateProduct(this.sku,
				Map.of("name", "Renamed", "category", "Home", "price", Map.of("amount", "12.50", "currency", "EUR")))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Renamed")
			.jsonPath("$.price.amount")
			.isEqualTo(12.5);
	}

	private RestTestClient.ResponseSpec createProduct(Object product) {
		return withJson(this.client.post().uri("/admin/products"), product);
	}

	private RestTestClient.ResponseSpec updateProduct(String sku, Object product) {
		return withJson(this.client.put().uri("/admin/products/{sku}", sku), product);
	}

	private RestTestClient.ResponseSpec setStock(String sku, Object stock) {
		return withJson(this.client.put().uri("/admin/products/{sku}/stock", sku), stock);
	}

	// The product as the public catalog shows it
	private RestTestClient.BodyContentSpec publicProduct(String sku) {
		return this.client.get().uri("/api/products/{sku}", sku).exchange().expectStatus().isOk().expectBody();
	}

	private static RestTestClient.ResponseSpec withJson(RestTestClient.RequestBodySpec request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

}
