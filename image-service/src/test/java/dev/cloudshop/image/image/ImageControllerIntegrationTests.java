package dev.cloudshop.image.image;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cloudshop.image.ImageServiceTest;
import dev.cloudshop.image.ProductImages;
import dev.cloudshop.image.Uploads;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.image.image.UploadedImages.uploaded;
import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ImageServiceTest
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

		imagesOf(owner).jsonPath("$.length()")
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
		imagesOf(uniqueOwner()).json("[]", JsonCompareMode.STRICT);
	}

	@Test
	void returnsNotFoundProblemForUnknownImage() {
		UUID id = UUID.randomUUID();

		assertThatProblem(this.client.get().uri("/api/images/{id}", id).exchange()).hasStatus(404)
			.hasType("not-found")
			.hasTitle("Unknown image")
			.hasInstance("/api/images/" + id)
			.hasMember("imageId", id.toString());
	}

	@Test
	void returnsValidationProblemForMalformedImageId() {
		assertThatProblem(this.client.get().uri("/api/images/not-a-uuid").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasField("id")
			.doesNotMention("not-a-uuid");
	}

	@Test
	void returnsBadRequestProblemWithoutOwner() {
		assertThatProblem(this.client.get().uri("/api/images").exchange()).hasStatus(400)
			.hasType("validation-failed")
			.hasField("owner")
			.hasDetail("owner is required");
	}

	@Test
	void returnsBadRequestProblemForBlankOrInvalidOwner() {
		for (String owner : new String[] { "", "../../etc/passwd", "a".repeat(65) }) {
			assertThatProblem(this.client.get().uri("/api/images?owner={owner}", owner).exchange()).hasStatus(400)
				.hasType("validation-failed")
				.hasField("owner");
		}
	}

	// The owner's images, as listed once the service answered 200
	private RestTestClient.BodyContentSpec imagesOf(String owner) {
		return this.client.get().uri("/api/images?owner={owner}", owner).exchange().expectStatus().isOk().expectBody();
	}

	private ImageView upload(String owner, byte[] file, String fileName) {
		return uploaded(this.client, Uploads.of(owner, file, fileName, "application/octet-stream"));
	}

	private static String uniqueOwner() {
		return "owner-" + UUID.randomUUID();
	}

}
