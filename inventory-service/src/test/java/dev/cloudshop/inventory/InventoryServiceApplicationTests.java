package dev.cloudshop.inventory;

import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.ServiceDefaultsContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@InventoryServiceTest
class InventoryServiceApplicationTests implements ServiceDefaultsContract {

	@Autowired
	RestTestClient client;

	@Test
	void publishesThePublicCatalogApiAsOpenApiAndTheInternalOneSeparately() {
		this.client.get()
			.uri("/v3/api-docs/public")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/products']")
			.exists()
			.jsonPath("$.paths['/api/reservations']")
			.doesNotExist();
		this.client.get()
			.uri("/v3/api-docs/internal")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/reservations']")
			.exists();
		this.client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

}
