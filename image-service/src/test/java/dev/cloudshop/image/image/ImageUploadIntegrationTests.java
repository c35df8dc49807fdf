package dev.cloudshop.image.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cloudshop.image.HostileFiles;
import dev.cloudshop.image.ImageDatabase;
import dev.cloudshop.image.ImageServiceTest;
import dev.cloudshop.image.ProductImages;
import dev.cloudshop.image.Uploads;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static dev.cloudshop.image.image.UploadedImages.uploaded;
import static org.assertj.core.api.Assertions.assertThat;

@ImageServiceTest
class ImageUploadIntegrationTests {

	private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	ImageDatabase database;

	String owner;

	@BeforeEach
	void newOwner() {
		this.database = new ImageDatabase(this.jdbc);
		this.owner = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void storesAnUploadWithEveryRenditionAndAnswersWithWhereTheyAre() {
		Map<String, Object> before = this.database.counts();

		ImageView image = Uploads
			.post(this.client,
					Uploads.of(this.owner, ProductImages.jpeg("Desk Lamp", 1600, 1200), "lamp.jpg", "image/jpeg"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).matches("/api/images/[0-9a-f-]{36}"))
			.expectBody(ImageView.class)
			.returnResult()
			.getResponseBody();

		assertThat(image.owner()).isEqualTo(this.owner);
		assertThat(image.contentType()).isEqualTo("image/jpeg");
		assertThat(image.width()).isEqualTo(1600);
		assertThat(image.height()).isEqualTo(1200);
		assertThat(image.renditions().thumbnail()).isEqualTo("/api/images/" + image.id() + "/thumbnail");
		assertThat(this.database.renditionsOf(image.id())).isEqualTo(3);
		assertThat(this.database.counts()).containsEntry("images", (Long) before.get("images") + 1)
			.containsEntry("renditions", (Long) before.get("renditions") + 3);
		assertRendition(image.renditions().original(), "image/jpeg", 1600, 1200);
		assertRendition(image.renditions().medium(), "image/jpeg", 800, 600);
		assertRendition(image.renditions().thumbnail(), "image/jpeg", 200, 150);
	}

	@Test
	void servesARenditionWithAStrongETagAndCacheHeaders() {
		ImageView image = upload(ProductImages.jpeg("Desk Lamp", 1000, 800), "lamp.jpg", "image/jpeg");

		EntityExchangeResult<byte[]> result = this.client.get()
			.uri(image.renditions().medium())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_JPEG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + image.id() + "-medium.jpg\"")
			.expectBody(byte[].class)
			.returnResult();

		assertThat(result.getResponseHeaders().get(HttpHeaders.ETAG))
			.containsExactly("\"" + sha256(result.getResponseBody()) + "\"");
	}

	@Test
	void answersNotModifiedWithoutABodyToAClientThatHasTheRendition() {
		ImageView image = upload(ProductImages.jpeg("Desk Lamp", 640, 480), "lamp.jpg", "image/jpeg");
		String etag = this.client.get()
			.uri(image.renditions().thumbnail())
			.exchange()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseHeaders()
			.getETag();

		this.client.get()
			.uri(image.renditions().thumbnail())
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
			.expectBody()
			.isEmpty();
		this.client.get()
			.uri(image.renditions().thumbnail())
			.header(HttpHeaders.IF_NONE_MATCH, "\"" + "0".repeat(64) + "\"")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.value((bytes) -> assertThat(bytes).isNotEmpty());
	}

	@Test
	void decidesTheTypeByTheBytesNotTheNameOrTheDeclaredType() {
		ImageView image = upload(ProductImages.png("Vase", 400, 600), "holiday.jpg", "image/jpeg");

		assertThat(image.contentType()).isEqualTo("image/png");
		assertRendition(image.renditions().medium(), "image/png", 400, 600);
	}

	@Test
	void readsWebpAndServesJpeg() {
		ImageView image = upload(ProductImages.webp(1200, 900, 0xFF2E7D32), "chair.webp", "image/webp");

		assertThat(image.contentType()).isEqualTo("image/webp");
		assertRendition(image.renditions().original(), "image/jpeg", 1200, 900);
		assertRendition(image.renditions().thumbnail(), "image/jpeg", 200, 150);
	}

	@Test
	void keepsTransparencyAsPng() {
		ImageView image = upload(ProductImages.png("Glass Bottle", 1000, 1400), "bottle.png", "image/png");

		assertRendition(image.renditions().thumbnail(), "image/png", 143, 200);
	}

	@Test
	void servesAPhotoWithoutItsExifAndGpsPosition() throws IOException {
		byte[] photo = ProductImages.withExif(ProductImages.jpeg("Sneaker", 800, 600), 6, ByteOrder.BIG_ENDIAN);
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif");

		ImageView image = upload(photo, "IMG_0042.jpg", "image/jpeg");

		assertThat(image.width()).as("turned upright").isEqualTo(600);
		assertThat(image.height()).isEqualTo(800);
		byte[] original = assertRendition(image.renditions().original(), "image/jpeg", 600, 800);
		assertThat(new String(original, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(original))) {
			assertThat(JPEGSegmentUtil.readSegments(input, JPEGSegmentUtil.ALL_SEGMENTS))
				.noneMatch((segment) -> segment.marker() == 0xFFE1);
		}
	}

	@Test
	void answersNotFoundForARenditionItDoesNotMake() {
		ImageView image = upload(ProductImages.jpeg("Desk Lamp", 64, 48), "lamp.jpg", "image/jpeg");

		assertThatProblem(this.client.get().uri("/api/images/{id}/huge", image.id()).exchange()).hasStatus(404)
			.hasType("not-found")
			.hasTitle("Unknown rendition")
			.hasMember("renditions", java.util.List.of("original", "medium", "thumbnail"));
	}

	@Test
	void answersNotFoundOrBadRequestForARenditionOfAnUnknownOrMalformedId() {
		assertThatProblem(this.client.get()
			.uri("/api/images/{id}/thumbnail", UUID.randomUUID())
			.header(HttpHeaders.ACCEPT, "image/avif,image/webp,image/*")
			.exchange()).hasStatus(404).hasTitle("Unknown image");
		assertThatProblem(this.client.get().uri("/api/images/42/thumbnail").exchange()).hasStatus(400).hasField("id");
	}

	@Test
	void deletesAnImageWithItsRenditions() {
		ImageView image = upload(ProductImages.jpeg("Desk Lamp", 640, 480), "lamp.jpg", "image/jpeg");

		this.client.delete().uri("/api/images/{id}", image.id()).exchange().expectStatus().isNoContent();

		assertThat(this.database.renditionsOf(image.id())).isZero();
		this.client.get().uri("/api/images/{id}", image.id()).exchange().expectStatus().isNotFound();
		this.client.get().uri(image.renditions().thumbnail()).exchange().expectStatus().isNotFound();
		assertThatProblem(this.client.delete().uri("/api/images/{id}", image.id()).exchange()).hasStatus(404);
	}

	@Test
	void refusesAFileOverTenMegabytesWith413AndStoresNothing() {
		Map<String, Object> before = this.database.counts();
		byte[] tooLarge = HostileFiles.randomBytes(10 * 1024 * 1024 + 1);

		assertThatProblem(
				Uploads.post(this.client, Uploads.of(this.owner, tooLarge, "huge.jpg", "image/jpeg")).exchange())
			.hasStatus(413)
			.hasType("payload-too-large")
			.hasDetail("The upload is larger than the 10 MB this service accepts")
			.hasField("file")
			.hasInstance("/api/images");

		assertThat(this.database.counts()).isEqualTo(before);
		upload(ProductImages.jpeg("Desk Lamp", 64, 48), "lamp.jpg", "image/jpeg");
	}

	@Test
	void refusesARequestOverItsLimitBeforeReadingIt() {
		Map<String, Object> before = this.database.counts();
		byte[] twelveMegabytes = HostileFiles.randomBytes(12 * 1024 * 1024);

		assertThatProblem(
				Uploads.post(this.client, Uploads.of(this.owner, twelveMegabytes, "huge.jpg", "image/jpeg")).exchange())
			.hasStatus(413)
			.hasType("payload-too-large");

		assertThat(this.database.counts()).isEqualTo(before);
		upload(ProductImages.jpeg("Desk Lamp", 64, 48), "lamp.jpg", "image/jpeg");
	}

	private ImageView upload(byte[] file, String fileName, String contentType) {
		return uploaded(this.client, Uploads.of(this.owner, file, fileName, contentType));
	}

	private byte[] assertRendition(String url, String contentType, int width, int height) {
		byte[] bytes = this.client.get()
			.uri(url)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(contentType)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		var decoded = ProductImages.decode(bytes);
		assertThat(decoded.getWidth()).as(url + " width").isEqualTo(width);
		assertThat(decoded.getHeight()).as(url + " height").isEqualTo(height);
		return bytes;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
