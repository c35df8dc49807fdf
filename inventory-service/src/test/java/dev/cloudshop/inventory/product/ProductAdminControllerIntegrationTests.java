package dev.cloudshop.inventory.product;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.InventoryServiceTest;
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

	String sku;

	@BeforeEach
	void newSku() {
		this.database = new InventoryDatabase(this.jdbc);
		this.sku = "ADM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	@Test
	void createsAProductThePublicCatalogThenShowsWithItsStock() {
		this.client.post()
			.uri("/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", this.sku, "name", "Desk Lamp", "description", "LED, dimmable", "category", "Home",
					"price", Map.of("amount", 24.9, "currency", "EUR"), "initialStock", 7))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/api/products/" + this.sku);
		this.client.get()
			.uri("/api/products/{sku}", this.sku)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Desk Lamp")
			.jsonPath("$.price.amount")
			.isEqualTo(24.9)
			.jsonPath("$.available")
			.isEqualTo(7);
	}

	@Test
	void keepsJapaneseYenWithoutDecimals() {
		this.client.post()
			.uri("/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", this.sku, "name", "Tenugui", "category", "Home", "price",
					Map.of("amount", 1200, "currency", "JPY")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"amount\":1200,"));
	}

	@Test
	void refusesASecondProductWithTheSameSku() {
		createProduct(this.sku);
		Map<String, Object> before = this.database.snapshot();
		this.client.post()
			.uri("/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", this.sku, "name", "Again", "category", "Home", "price",
					Map.of("amount", 1, "currency", "EUR")))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/product-exists");
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
		ProblemAssert problem = assertThatProblem(
				this.client.post().uri("/admin/products").contentType(MediaType.APPLICATION_JSON).body(body).exchange())
			.hasStatus(status)
			.hasType(type);
		if (field != null) {
			problem.hasField(field);
		}
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void setsTheAvailableStockWithoutTouchingHeldOrSoldUnits() {
		createProduct(this.sku);
		this.client.put()
			.uri("/admin/products/{sku}/stock", this.sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("available", 42))
			.exchange()
			.expectStatus()
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
		createProduct(this.sku);
		this.client.put()
			.uri("/admin/products/{sku}/stock", this.sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("available", -1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("available");
		this.client.put()
			.uri("/admin/products/NOPE-404/stock")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("available", 1))
			.exchange()
			.expectStatus()
			.isNotFound();
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
		createProduct(this.sku);
		Map<String, Object> before = this.database.snapshot();
		ProblemAssert problem = assertThatProblem(this.client.put()
			.uri("/admin/products/{sku}/stock", this.sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()).hasStatus(status).hasType(type);
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
		assertThatProblem(this.client.put()
			.uri("/admin/products/{sku}/stock", sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("available", 1))
			.exchange()).hasStatus(404);
		assertThatProblem(this.client.put()
			.uri("/admin/products/{sku}", sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "N", "category", "Home", "price", Map.of("amount", 1, "currency", "EUR")))
			.exchange()).hasStatus(404);
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void refusesAChangeWithAControlCharacterAndKeepsTheProduct() {
		createProduct(this.sku);
		assertThatProblem(this.client.put()
			.uri("/admin/products/{sku}", this.sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Re\u0000named", "category", "Home", "price", Map.of("amount", 2, "currency", "EUR")))
			.exchange()).hasStatus(400).hasField("name");
		this.client.get()
			.uri("/api/products/{sku}", this.sku)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("N")
			.jsonPath("$.price.amount")
			.isEqualTo(1.0);
	}

	@Test
	void keepsTheLineBreaksOfADescription() {
		this.client.post()
			.uri("/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", this.sku, "name", "Notebook", "description", "Dotted pages.\n\tA5, 120 sheets.",
					"category", "Office", "price", Map.of("amount", 6, "currency", "EUR")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo("Dotted pages.\n\tA5, 120 sheets.");
	}

	@Test
	void updatesAProductsDescriptionAndPrice() {
		createProduct(this.sku);
		this.client.put()
			.uri("/admin/products/{sku}", this.sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Renamed", "category", "Home", "price", Map.of("amount", "12.50", "currency", "EUR")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Renamed")
			.jsonPath("$.price.amount")
			.isEqualTo(12.5);
	}

	private void createProduct(String sku) {
		this.client.post()
			.uri("/admin/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", sku, "name", "N", "category", "Home", "price", Map.of("amount", 1, "currency", "EUR")))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
