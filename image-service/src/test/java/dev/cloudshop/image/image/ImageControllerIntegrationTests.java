package dev.cloudshop.image.image;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.image.ProductImages;
import dev.cloudshop.image.Uploads;
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

	@Test
	void returnsAnImagesMetadataWithItsRenditionUrlsById() {
		String owner = uniqueOwner();
		ImageView image = upload(owner, ProductImages.png("Flower Pot", 800, 600), "pot.png");

		this.client.get().uri("/api/images/{id}", image.id()).exchange().expectStatus().isOk().expectBody().json("""
				{
				  "id": "%1$s",
				  "owner": "%2$s",
				  "contentType": "image/png",
				  "width": 800,
				  "height": 600,
				  "renditions": {
				    "original": "/api/images/%1$s/original",
				    "medium": "/api/images/%1$s/medium",
				    "thumbnail": "/api/images/%1$s/thumbnail"
				  },
				  "createdAt": "%3$s"
				}
				""".formatted(image.id(), owner, image.createdAt()), JsonCompareMode.STRICT);
	}

	@Test
	void listsOnlyTheOwnersImagesNewestFirst() {
		String owner = uniqueOwner();
		ImageView older = upload(owner, ProductImages.jpeg("Desk Lamp", 800, 600), "lamp.jpg");
		ImageView newer = upload(owner, ProductImages.webp(400, 300, 0xFF884422), "lamp.webp");
		upload(uniqueOwner(), ProductImages.jpeg("Kettle", 100, 100), "kettle.jpg");
		assertThat(newer.createdAt()).isAfter(older.createdAt());

		this.client.get()
			.uri("/api/images?owner={owner}", owner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].id")
			.isEqualTo(newer.id().toString())
			.jsonPath("$[0].contentType")
			.isEqualTo("image/webp")
			.jsonPath("$[0].width")
			.isEqualTo(400)
			.jsonPath("$[0].renditions.thumbnail")
			.isEqualTo("/api/images/" + newer.id() + "/thumbnail")
			.jsonPath("$[1].id")
			.isEqualTo(older.id().toString())
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
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/not-found")
			.jsonPath("$.title")
			.isEqualTo("Unknown image")
			.jsonPath("$.instance")
			.isEqualTo("/api/images/" + id)
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
			.isEqualTo(400)
			.jsonPath("$.type")
			.isEqualTo("https://cloudshop.dev/problems/malformed-request")
			.jsonPath("$.field")
			.isEqualTo("id");
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
			.jsonPath("$.field")
			.isEqualTo("owner")
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail).asString().contains("owner"));
	}

	@Test
	void returnsBadRequestProblemForBlankOrInvalidOwner() {
		for (String owner : new String[] { "", "../../etc/passwd", "a".repeat(65) }) {
			this.client.get()
				.uri("/api/images?owner={owner}", owner)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://cloudshop.dev/problems/validation-failed")
				.jsonPath("$.field")
				.isEqualTo("owner");
		}
	}

	private ImageView upload(String owner, byte[] file, String fileName) {
		return this.client.post()
			.uri("/api/images")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(Uploads.of(owner, file, fileName, "application/octet-stream"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ImageView.class)
			.returnResult()
			.getResponseBody();
	}

	private static String uniqueOwner() {
		return "owner-" + UUID.randomUUID();
	}

}
