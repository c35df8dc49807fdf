package dev.cloudshop.image.image;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.testinfra.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureRestTestClient
@Import(RealPostgres.class)
class ImageControllerIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Images images;

	@Test
	void returnsAnImagesMetadataById() {
		String owner = uniqueOwner();
		Image image = this.images.save(new Image(owner, "image/png", 800, 600));

		this.client.get().uri("/api/images/{id}", image.getId()).exchange().expectStatus().isOk().expectBody().json("""
				{
				  "id": "%s",
				  "owner": "%s",
				  "contentType": "image/png",
				  "width": 800,
				  "height": 600,
				  "createdAt": "%s"
				}
				""".formatted(image.getId(), owner, image.getCreatedAt()), JsonCompareMode.STRICT);
	}

	@Test
	void listsOnlyTheOwnersImagesNewestFirst() {
		String owner = uniqueOwner();
		Image older = this.images.save(new Image(owner, "image/png", 800, 600));
		Image newer = this.images.save(new Image(owner, "image/webp", 400, 300));
		this.images.save(new Image(uniqueOwner(), "image/jpeg", 100, 100));
		assertThat(newer.getCreatedAt()).isAfter(older.getCreatedAt());

		this.client.get()
			.uri("/api/images?owner={owner}", owner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].id")
			.isEqualTo(newer.getId().toString())
			.jsonPath("$[0].contentType")
			.isEqualTo("image/webp")
			.jsonPath("$[0].width")
			.isEqualTo(400)
			.jsonPath("$[1].id")
			.isEqualTo(older.getId().toString())
			.jsonPath("$[1].owner")
			.isEqualTo(owner);
	}

	@Test
	void listsNothingForAnOwnerWithoutImages() {
		this.client.get()
			.uri("/api/images?owner={owner}", uniqueOwner())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[]", JsonCompareMode.STRICT);
	}

	@Test
	void returnsNotFoundProblemForUnknownImage() {
		UUID id = UUID.randomUUID();

		this.client.get()
			.uri("/api/images/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("Unknown image")
			.jsonPath("$.imageId")
			.isEqualTo(id.toString());
	}

	@Test
	void returnsBadRequestProblemForMalformedImageId() {
		this.client.get()
			.uri("/api/images/not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400);
	}

	@Test
	void returnsBadRequestProblemWithoutOwner() {
		this.client.get()
			.uri("/api/images")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail).asString().contains("owner"));
	}

	@Test
	void returnsBadRequestProblemForBlankOwner() {
		this.client.get()
			.uri("/api/images?owner=")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static String uniqueOwner() {
		return "owner-" + UUID.randomUUID();
	}

}
