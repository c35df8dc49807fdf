package dev.cloudshop.image;

import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.ServiceDefaultsContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@ImageServiceTest
class ImageServiceApplicationTests implements ServiceDefaultsContract {

	@Autowired
	RestTestClient client;

	@Test
	void publishesItsPublicApiForTheGateway() {
		this.client.get()
			.uri("/v3/api-docs/public")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.servers[0].url")
			.isEqualTo("/")
			.jsonPath("$.paths['/api/images'].get")
			.exists()
			.jsonPath("$.paths['/api/images'].post.requestBody.content['multipart/form-data'].schema.properties.file")
			.exists()
			.jsonPath("$.paths['/api/images/{id}'].delete")
			.exists()
			.jsonPath("$.paths['/api/images/{id}/{rendition}'].get")
			.exists();
	}

}
