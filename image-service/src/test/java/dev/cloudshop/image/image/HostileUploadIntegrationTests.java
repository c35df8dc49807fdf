package dev.cloudshop.image.image;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cloudshop.image.HostileFiles;
import dev.cloudshop.image.ImageDatabase;
import dev.cloudshop.image.ImageServiceTest;
import dev.cloudshop.image.ProductImages;
import dev.cloudshop.image.Uploads;
import dev.cloudshop.testinfra.ProblemAssert;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;

import static dev.cloudshop.testinfra.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Everything a client may send instead of a photo: each is refused with a problem of its
 * own type before anything is stored, and the service takes a photo right after.
 */
@ImageServiceTest
class HostileUploadIntegrationTests {

	private static final String OWNER = "SKU-HOSTILE-1";

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	ImageDatabase database;

	@BeforeEach
	void database() {
		this.database = new ImageDatabase(this.jdbc);
	}

	static Stream<Arguments> hostileUploads() {
		byte[] photo = ProductImages.jpeg("Desk Lamp", 640, 480);
		return Stream.of(
				arguments("a zero-byte file", file(new byte[0], "empty.png", "image/png"), 400, "validation-failed",
						"file"),
				arguments("a truncated JPEG", file(HostileFiles.truncated(photo, 0.6), "cut.jpg", "image/jpeg"), 422,
						"unreadable-image", "file"),
				arguments("a truncated PNG",
						file(HostileFiles.truncated(ProductImages.png("Vase", 640, 480), 0.5), "cut.png", "image/png"),
						422, "unreadable-image", "file"),
				arguments("random bytes named .png",
						file(HostileFiles.randomBytes(64 * 1024), "noise.png", "image/png"), 415,
						"unsupported-image-type", "file"),
				arguments("HTML renamed .png", file(HostileFiles.html(), "page.png", "image/png"), 415,
						"unsupported-image-type", "file"),
				arguments("SVG renamed .png", file(HostileFiles.svg(), "logo.png", "image/png"), 415,
						"unsupported-image-type", "file"),
				arguments("an honest SVG", file(HostileFiles.svg(), "logo.svg", "image/svg+xml"), 415,
						"unsupported-image-type", "file"),
				arguments("a GIF", file(HostileFiles.productIn("gif"), "chair.gif", "image/gif"), 415,
						"unsupported-image-type", "file"),
				arguments("a BMP", file(HostileFiles.productIn("bmp"), "chair.bmp", "image/bmp"), 415,
						"unsupported-image-type", "file"),
				arguments("a TIFF", file(HostileFiles.productIn("tiff"), "chair.tif", "image/tiff"), 415,
						"unsupported-image-type", "file"),
				arguments("a PNG declaring 30000 x 30000 pixels",
						file(HostileFiles.pngDeclaring(30_000, 30_000), "bomb.png", "image/png"), 422,
						"image-too-large", "file"),
				arguments("a JPEG declaring 30000 x 30000 pixels",
						file(HostileFiles.jpegDeclaring(30_000, 30_000), "bomb.jpg", "image/jpeg"), 422,
						"image-too-large", "file"),
				arguments("a WebP declaring 16383 x 16383 pixels",
						file(ProductImages.webp(16_383, 16_383, 0xFF000000), "bomb.webp", "image/webp"), 422,
						"image-too-large", "file"),
				arguments("a WebP whose data ends after its header",
						file(HostileFiles.webpEndingEarly(4000, 3000), "slow.webp", "image/webp"), 422,
						"unreadable-image", "file"),
				arguments("a 1 x 60000 strip", file(HostileFiles.strip(), "strip.png", "image/png"), 422,
						"image-dimensions", "file"),
				arguments("the file in a part named image", multipart((body) -> {
					body.part("owner", OWNER);
					Uploads.file(body, "image", photo, "lamp.jpg", "image/jpeg");
				}), 400, "validation-failed", "file"), arguments("the file as a plain field", multipart((body) -> {
					body.part("owner", OWNER);
					body.part("file", "not a file");
				}), 400, "validation-failed", "file"), arguments("a second file", multipart((body) -> {
					body.part("owner", OWNER);
					Uploads.file(body, "file", photo, "lamp.jpg", "image/jpeg");
					Uploads.file(body, "file", photo, "lamp-2.jpg", "image/jpeg");
				}), 400, "validation-failed", "file"),
				arguments("a second file under another name", multipart((body) -> {
					body.part("owner", OWNER);
					Uploads.file(body, "file", photo, "lamp.jpg", "image/jpeg");
					Uploads.file(body, "thumbnail", photo, "lamp-2.jpg", "image/jpeg");
				}), 400, "validation-failed", "file"),
				arguments("no owner", multipart((body) -> Uploads.file(body, "file", photo, "lamp.jpg", "image/jpeg")),
						400, "validation-failed", "owner"),
				arguments("a blank owner", upload(" ", photo), 400, "validation-failed", "owner"),
				arguments("an owner with a path in it", upload("../../etc/passwd", photo), 400, "validation-failed",
						"owner"),
				arguments("an owner of 65 characters", upload("A".repeat(65), photo), 400, "validation-failed",
						"owner"),
				arguments("JSON instead of multipart",
						request((client) -> client.post()
							.uri("/api/images")
							.contentType(MediaType.APPLICATION_JSON)
							.body(Map.of("owner", OWNER, "file", "aGVsbG8="))),
						415, "unsupported-media-type", null),
				arguments("the raw image instead of multipart", request(
						(client) -> client.post().uri("/api/images").contentType(MediaType.IMAGE_JPEG).body(photo)),
						415, "unsupported-media-type", null),
				arguments("a multipart body cut off before its end", request((client) -> client.post()
					.uri("/api/images")
					.contentType(MediaType.parseMediaType("multipart/form-data; boundary=cut"))
					.body("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n\u00ff\u00d8\u00ff"
						.getBytes(StandardCharsets.ISO_8859_1))), 400, "malformed-request", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileUploads")
	void refusesWithAProblemStoresNothingAndStaysUp(String description,
			Function<RestTestClient, RequestHeadersSpec<?>> request, int status, String slug, String field) {
		Map<String, Object> before = this.database.counts();

		// Made from the answer, the assertions also check that it is problem+json and
		// carries no exception or stack trace.
		ProblemAssert problem = assertThatProblem(request.apply(this.client).exchange()).hasStatus(status)
			.hasType(slug)
			.hasInstance("/api/images")
			.hasTraceId();
		if (field != null) {
			problem.hasField(field);
		}

		assertThat(this.database.counts()).isEqualTo(before);
		Uploads.post(this.client, Uploads.photo(OWNER)).exchange().expectStatus().isCreated();
	}

	private static Function<RestTestClient, RequestHeadersSpec<?>> file(byte[] bytes, String fileName,
			String contentType) {
		return request((client) -> Uploads.post(client, Uploads.of(OWNER, bytes, fileName, contentType)));
	}

	private static Function<RestTestClient, RequestHeadersSpec<?>> upload(String owner, byte[] bytes) {
		return request((client) -> Uploads.post(client, Uploads.of(owner, bytes, "lamp.jpg", "image/jpeg")));
	}

	private static Function<RestTestClient, RequestHeadersSpec<?>> multipart(
			java.util.function.Consumer<MultipartBodyBuilder> parts) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		parts.accept(body);
		return request((client) -> Uploads.post(client, body.build()));
	}

	// Names the lambda's type once, so that each case reads as the request it sends.
	private static Function<RestTestClient, RequestHeadersSpec<?>> request(
			Function<RestTestClient, RequestHeadersSpec<?>> request) {
		return request;
	}

}
