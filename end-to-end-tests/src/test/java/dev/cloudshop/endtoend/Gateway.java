package dev.cloudshop.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the suite, as any client of the shop would use it. Paths are
 * sent exactly as written.
 */
final class Gateway {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String baseUrl;

	Gateway(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	Response get(String path) {
		return get(path, Map.of());
	}

	Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		return send(request.GET().build());
	}

	Response post(String path, String contentType, byte[] body) {
		return post(path, contentType, body, Map.of());
	}

	Response post(String path, String contentType, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.DELETE()
			.build());
	}

	Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	Response postJson(String path, Object body, Map<String, String> headers) {
		return post(path, "application/json", json.writeValueAsBytes(body), headers);
	}

	private Response send(HttpRequest request) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(HttpResponse<String> raw, Duration took) {

		int status() {
			return this.raw.statusCode();
		}

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		String contentType() {
			return header("Content-Type");
		}

		JsonNode json() {
			return Gateway.json.readTree(this.raw.body());
		}

		String body() {
			return this.raw.body();
		}

	}

}
