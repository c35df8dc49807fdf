package dev.cloudshop.endtoend;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product images on the running suite, with two image-service instances behind the
 * gateway: any instance serves any image, whichever stored it.
 */
class ImagesEndToEndTests {

	static LocalStack stack;

	static Gateway gateway;

	static SuiteDatabases databases;

	@BeforeAll
	static void startSuite() {
		stack = RunningSuite.get();
		gateway = new Gateway(stack.gatewayUrl());
		databases = new SuiteDatabases(stack);
	}

	@Test
	void givesEverySeedProductAPictureThatIsServed() {
		// The seed catalog (inventory-service's V2__seed_catalog.sql); other test classes
		// add products of their own without a picture.
		List<String> seed = List.of("KB-0001", "MS-0002", "MN-0003", "HP-0004", "SP-0005", "EB-0006", "CF-0007",
				"KN-0008", "PN-0009", "BK-0010", "BK-0011", "BP-0012");
		List<JsonNode> products = new ArrayList<>();
		gateway.get("/api/products?size=100").json().get("content").forEach((product) -> {
			if (seed.contains(product.get("sku").asString())) {
				products.add(product);
			}
		});
		assertThat(products).hasSize(seed.size());
		for (JsonNode product : products) {
			assertThat(product.get("imageId").isNull()).as(product.get("sku").asString()).isFalse();
		}
		String imageId = products.get(0).get("imageId").asString();
		Gateway.Response thumbnail = gateway.get("/api/images/" + imageId + "/thumbnail");
		assertThat(thumbnail.status()).isEqualTo(200);
		assertThat(thumbnail.contentType()).startsWith("image/");
	}

	@Test
	void servesAnImageFromEitherInstanceWhicheverStoredIt() throws Exception {
		HttpResponse<String> uploaded = upload("E2E-" + UUID.randomUUID().toString().substring(0, 8), photo(),
				"photo.png", "image/png");
		assertThat(uploaded.statusCode()).isEqualTo(201);
		String id = uploaded.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");

		HttpResponse<byte[]> fromFirst = getBytes(
				stack.instanceUrl("image-service", 0) + "/api/images/" + id + "/medium", Map.of());
		HttpResponse<byte[]> fromSecond = getBytes(
				stack.instanceUrl("image-service", 1) + "/api/images/" + id + "/medium", Map.of());
		assertThat(fromFirst.statusCode()).isEqualTo(200);
		assertThat(fromSecond.statusCode()).isEqualTo(200);
		assertThat(fromSecond.body()).isEqualTo(fromFirst.body());
		String etag = fromFirst.headers().firstValue("ETag").orElseThrow();
		assertThat(fromSecond.headers().firstValue("ETag")).hasValue(etag);

		for (int i = 0; i < 6; i++) {
			assertThat(getBytes(stack.gatewayUrl() + "/api/images/" + id + "/thumbnail", Map.of()).statusCode())
				.isEqualTo(200);
			assertThat(getBytes(stack.gatewayUrl() + "/api/images/" + id + "/medium", Map.of("If-None-Match", etag))
				.statusCode()).isEqualTo(304);
		}
	}

	@Test
	void refusesAnSvgNamedPngThroughTheGatewayAndStoresNothing() throws Exception {
		long before = databases.count("images", "select count(*) from image");
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> refused = upload("E2E-SVG", svg, "innocent.png", "image/png");
		assertThat(refused.statusCode()).isEqualTo(415);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(databases.count("images", "select count(*) from image")).isEqualTo(before);
	}

	private static HttpResponse<String> upload(String owner, byte[] file, String filename, String contentType)
			throws IOException, InterruptedException {
		String boundary = "e2e-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"owner\"\r\n\r\n" + owner + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/images"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<byte[]> getBytes(String url, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] photo() throws IOException {
		BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 1600, 1000, Color.BLUE));
		g.fillRect(0, 0, 1600, 1000);
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return png.toByteArray();
	}

}
