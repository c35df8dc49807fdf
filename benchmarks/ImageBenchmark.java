import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

/**
 * Uploads photos through the gateway of a running suite for a while and prints uploads per
 * second, renditions per second, and the resident memory of the image-service processes
 * (peak while uploading).
 *
 * Run against a started local stack: java benchmarks/ImageBenchmark.java [gatewayUrl] [seconds] [concurrency]
 */
public class ImageBenchmark {

	public static void main(String[] args) throws Exception {
		String gateway = (args.length > 0) ? args[0] : "http://localhost:8080";
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		int concurrency = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		byte[] photo = photo(3000, 2000);
		System.out.printf("Uploading a %d KB, 3000x2000 JPEG from %d clients for %d s...%n", photo.length / 1024,
				concurrency, seconds);
		long idleRss = imageServiceRss();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		AtomicInteger uploads = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicLong peakRss = new AtomicLong(idleRss);
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		var clients = Executors.newFixedThreadPool(concurrency);
		for (int i = 0; i < concurrency; i++) {
			clients.submit(() -> {
				while (System.nanoTime() < end) {
					try {
						HttpResponse<String> response = http.send(upload(gateway, photo),
								HttpResponse.BodyHandlers.ofString());
						(response.statusCode() == 201 ? uploads : refused).incrementAndGet();
					}
					catch (Exception ex) {
						refused.incrementAndGet();
					}
				}
				return null;
			});
		}
		while (System.nanoTime() < end) {
			peakRss.accumulateAndGet(imageServiceRss(), Math::max);
			Thread.sleep(500);
		}
		clients.shutdown();
		clients.awaitTermination(60, TimeUnit.SECONDS);
		System.out.printf("  uploads: %d in %d s = %.1f uploads/s, %.1f renditions/s (3 per upload); not accepted: %d%n",
				uploads.get(), seconds, uploads.get() / (double) seconds, 3 * uploads.get() / (double) seconds,
				refused.get());
		System.out.printf("  image-service resident memory (all instances): %d MiB idle, %d MiB peak%n",
				idleRss / (1024 * 1024), peakRss.get() / (1024 * 1024));
	}

	static HttpRequest upload(String gateway, byte[] photo) {
		String boundary = "bench-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"owner\"\r\n\r\nBENCH\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(photo);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(gateway + "/api/images"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	static byte[] photo(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
		g.fillRect(0, 0, width, height);
		for (int i = 0; i < 400; i++) {
			g.setColor(new Color((i * 37) % 256, (i * 91) % 256, (i * 53) % 256));
			g.fillOval((i * 97) % width, (i * 61) % height, 40 + i % 120, 40 + i % 90);
		}
		g.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", jpeg);
		return jpeg.toByteArray();
	}

	/**
	 * The resident set of every process running image-service.jar, from /proc.
	 */
	static long imageServiceRss() throws Exception {
		long total = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			List<Path> pids = new ArrayList<>(processes.filter((p) -> p.getFileName().toString().matches("\\d+")).toList());
			for (Path pid : pids) {
				try {
					String command = Files.readString(pid.resolve("cmdline")).replace('\0', ' ');
					if (command.contains("image-service.jar")) {
						for (String line : Files.readAllLines(pid.resolve("status"))) {
							if (line.startsWith("VmRSS:")) {
								total += Long.parseLong(line.replaceAll("\\D", "")) * 1024;
							}
						}
					}
				}
				catch (Exception ex) {
					// The process ended meanwhile.
				}
			}
		}
		return total;
	}

}
