package dev.cloudshop.localstack;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * Gives every product of the seed catalog a picture on first start: drawn here (no files
 * from the internet), uploaded to image-service through the gateway like any client
 * would, and linked to the product through inventory-service's admin API.
 */
final class CatalogImages {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Pattern PRODUCT = Pattern.compile(
			"\\{\"sku\":\"([^\"]+)\",\"name\":\"([^\"]*)\",\"description\":(null|\"[^\"]*\"),\"category\":\"([^\"]*)\","
					+ "\"price\":\\{\"amount\":([0-9.]+),\"currency\":\"([A-Z]{3})\"\\},\"imageId\":null");

	private final String gatewayUrl;

	private final String inventoryUrl;

	CatalogImages(String gatewayUrl, String inventoryUrl) {
		this.gatewayUrl = gatewayUrl;
		this.inventoryUrl = inventoryUrl;
	}

	/**
	 * @return how many products got a picture
	 */
	int addMissing() throws IOException, InterruptedException {
		String products = get(this.gatewayUrl + "/api/products?size=100");
		Matcher product = PRODUCT.matcher(products);
		int added = 0;
		while (product.find()) {
			String sku = product.group(1);
			String name = product.group(2);
			String imageId = upload(sku, draw(name, product.group(4)));
			String description = product.group(3);
			String change = "{\"name\":\"" + name + "\",\"description\":" + description + ",\"category\":\""
					+ product.group(4) + "\",\"price\":{\"amount\":" + product.group(5) + ",\"currency\":\""
					+ product.group(6) + "\"},\"imageId\":\"" + imageId + "\"}";
			HttpResponse<String> linked = http
				.send(HttpRequest.newBuilder(URI.create(this.inventoryUrl + "/admin/products/" + sku))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(change))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (linked.statusCode() != 200) {
				throw new IllegalStateException(
						"Could not link image " + imageId + " to " + sku + ": " + linked.body());
			}
			added++;
		}
		return added;
	}

	private String upload(String sku, byte[] png) throws IOException, InterruptedException {
		String boundary = "cloudshop-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"owner\"\r\n\r\n" + sku + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + sku
				+ ".png\"\r\nContent-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(png);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(this.gatewayUrl + "/api/images"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
		if (response.statusCode() != 201 || !id.find()) {
			throw new IllegalStateException("Could not upload the picture of " + sku + ": " + response.body());
		}
		return id.group(1);
	}

	/**
	 * A product shot of sorts: a gradient backdrop in the category's colour, a soft
	 * shadow, a rounded "product" and its name.
	 */
	static byte[] draw(String name, String category) {
		int width = 1200;
		int height = 900;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			float hue = (Math.abs(category.hashCode()) % 360) / 360f;
			Color light = Color.getHSBColor(hue, 0.25f, 0.98f);
			Color deep = Color.getHSBColor(hue, 0.55f, 0.75f);
			g.setPaint(new GradientPaint(0, 0, light, width, height, deep));
			g.fillRect(0, 0, width, height);
			g.setColor(new Color(0, 0, 0, 40));
			g.fill(new Ellipse2D.Double(330, 640, 540, 90));
			g.setPaint(new GradientPaint(300, 200, Color.getHSBColor(hue, 0.6f, 0.9f), 900, 650,
					Color.getHSBColor((hue + 0.08f) % 1, 0.8f, 0.45f)));
			g.fill(new RoundRectangle2D.Double(330, 190, 540, 460, 80, 80));
			g.setColor(new Color(255, 255, 255, 90));
			g.fill(new RoundRectangle2D.Double(370, 225, 220, 60, 30, 30));
			g.setColor(new Color(30, 30, 30));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 54));
			int textWidth = g.getFontMetrics().stringWidth(name);
			g.drawString(name, Math.max(20, (width - textWidth) / 2), 820);
		}
		finally {
			g.dispose();
		}
		try {
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String get(String url) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
