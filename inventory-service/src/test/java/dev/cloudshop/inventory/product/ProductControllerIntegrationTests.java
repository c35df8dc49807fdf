package dev.cloudshop.inventory.product;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudshop.inventory.InventoryDatabase;
import dev.cloudshop.inventory.InventoryServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@InventoryServiceTest
class ProductControllerIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	InventoryDatabase database;

	@BeforeEach
	void database() {
		this.database = new InventoryDatabase(this.jdbc);
	}

	@Test
	void listsTheSeedCatalogSortedBySkuWithPricesAndStock() {
		byte[] body = this.client.get()
			.uri("/api/products?size=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[?(@.sku == 'MN-0003')].price.amount")
			.isEqualTo(279.0)
			.jsonPath("$.content[?(@.sku == 'MN-0003')].price.currency")
			.isEqualTo("EUR")
			.returnResult()
			.getResponseBody();
		List<String> skus = JsonPath.read(new String(body, StandardCharsets.UTF_8), "$.content[*].sku");
		assertThat(skus).contains("KB-0001", "MS-0002", "MN-0003", "HP-0004", "SP-0005", "EB-0006", "CF-0007",
				"KN-0008", "PN-0009", "BK-0010", "BK-0011", "BP-0012");
		assertThat(skus).isSorted();
	}

	@Test
	void pagesThroughTheCatalog() {
		this.client.get()
			.uri("/api/products?category=books&size=1&page=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(1)
			.jsonPath("$.content[0].sku")
			.isEqualTo("BK-0011")
			.jsonPath("$.totalElements")
			.isEqualTo(2)
			.jsonPath("$.totalPages")
			.isEqualTo(2);
	}

	@Test
	void filtersByCategoryAndName() {
		this.client.get()
			.uri("/api/products?category=audio&name=speaker")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].sku")
			.isEqualTo("SP-0005");
	}

	@Test
	void returnsOneProductBySku() {
		this.client.get()
			.uri("/api/products/KB-0001")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Mechanical Keyboard")
			.jsonPath("$.price.amount")
			.isEqualTo(89.0);
	}

	@Test
	void answersAnUnknownSkuWithANotFoundProblem() {
		assertThatProblem(this.client.get().uri("/api/products/NOPE-1").exchange()).hasStatus(404)
			.hasType("not-found")
			.hasTitle("Unknown product")
			.hasMember("sku", "NOPE-1");
	}

	@Test
	void refusesAPageSizeAboveTheCapWithABadRequestProblem() {
		assertThatProblem(this.client.get().uri("/api/products?size=1000").exchange()).hasStatus(400);
	}

	/**
	 * {@code Integer.parseInt} reads the digits of every script, and Spring's conversion
	 * also hexadecimal, a plus sign and spaces anywhere: none of them is a page number.
	 */
	static Stream<Arguments> malformedQueries() {
		return Stream.of(arguments("page", "\u0661"), // Arabic-Indic one
				arguments("page", "\uFF11"), // fullwidth one
				arguments("page", "\u0967"), // Devanagari one
				arguments("size", "\u0661\u0660"), arguments("size", "\uFF15"), arguments("page", "0x10"),
				arguments("page", "+1"), arguments("page", "1 0"), arguments("page", " 1"), arguments("page", "1.0"),
				arguments("page", "-1"), arguments("size", "0"), arguments("size", "101"),
				arguments("page", "99999999999"),
				// Past the last offset the database query can take.
				arguments("page", "2147483647"), arguments("page", String.valueOf(ProductController.MAX_PAGE + 1)),
				arguments("name", "\u0000"), arguments("category", "Books\u0000"), arguments("name", "a\nb"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("malformedQueries")
	void refusesAMalformedQueryWithAProblemNamingTheParameter(String parameter, String value) {
		Map<String, Object> before = this.database.snapshot();
		assertThatProblem(this.client.get().uri("/api/products?{parameter}={value}", parameter, value).exchange())
			.hasStatus(400)
			.hasType("validation-failed")
			.hasField(parameter);
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void servesTheLastPageTheDatabaseCanOffsetEvenIfEmpty() {
		this.client.get()
			.uri("/api/products?page={page}&size={size}", ProductController.MAX_PAGE, ProductController.MAX_PAGE_SIZE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0)
			.jsonPath("$.page")
			.isEqualTo(ProductController.MAX_PAGE);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "kb-0001", "KB 0001", "%", "_", "KB;0001", "\u0661", "..", "\u202E" })
	void answersAnOddSkuInThePathWithANotFoundProblem(String sku) {
		Map<String, Object> before = this.database.snapshot();
		assertThatProblem(this.client.get().uri("/api/products/{sku}", sku).exchange()).hasStatus(404)
			.hasType("not-found");
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "KB-0001\u0000", "KB/0001", "KB\\0001" })
	void leavesAPathTheServerCannotDecodeToTheServersBadRequest(String sku) {
		Map<String, Object> before = this.database.snapshot();
		this.client.get().uri("/api/products/{sku}", sku).exchange().expectStatus().isBadRequest();
		assertThat(this.database.snapshot()).isEqualTo(before);
	}

	@Test
	void refusesANonNumericPageWithABadRequestProblem() {
		assertThatProblem(this.client.get().uri("/api/products?page=first").exchange()).hasStatus(400);
	}

}
