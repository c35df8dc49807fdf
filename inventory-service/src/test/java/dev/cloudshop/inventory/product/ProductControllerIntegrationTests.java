package dev.cloudshop.inventory.product;

import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
class ProductControllerIntegrationTests {

	@Autowired
	RestTestClient client;

	@Test
	void listsTheSeedCatalogSortedBySku() {
		this.client.get()
			.uri("/api/products?size=5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalElements")
			.isEqualTo(12)
			.jsonPath("$.content.length()")
			.isEqualTo(5)
			.jsonPath("$.content[0].sku")
			.isEqualTo("BK-0010")
			.jsonPath("$.content[0].price.currency")
			.isEqualTo("EUR");
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
