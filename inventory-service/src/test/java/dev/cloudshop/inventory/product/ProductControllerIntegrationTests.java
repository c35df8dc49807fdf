package dev.cloudshop.inventory.product;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
class ProductControllerIntegrationTests {

	@Autowired
	RestTestClient client;

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
		this.client.get()
			.uri("/api/products/NOPE-1")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Unknown product")
			.jsonPath("$.sku")
			.isEqualTo("NOPE-1");
	}

	@Test
	void refusesAPageSizeAboveTheCapWithABadRequestProblem() {
		this.client.get()
			.uri("/api/products?size=1000")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesANonNumericPageWithABadRequestProblem() {
		this.client.get()
			.uri("/api/products?page=first")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
