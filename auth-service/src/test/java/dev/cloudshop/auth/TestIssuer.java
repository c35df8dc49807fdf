package dev.cloudshop.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's OAuth2 endpoints as a client calls them over HTTP, and the device grant
 * walked through as a person at a terminal would.
 */
public final class TestIssuer {

	/** The issuer the service is configured with (its default). */
	public static final String ISSUER = "http://localhost:9000";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final URI base;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public TestIssuer(int port) {
		this.port = port;
		this.base = URI.create("http://localhost:" + port);
	}

	/**
	 * A form POST, as to the token endpoint.
	 * @param path the endpoint
	 * @param basicAuth {@code client:secret} for HTTP Basic, or {@code null}
	 * @param form the parameters
	 * @return the answer
	 */
	public Answer post(String path, String basicAuth, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)));
		if (basicAuth != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
		}
		return send(request);
	}

	public Answer get(String path, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.header("Accept", "application/json")
			.GET();
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request);
	}

	public Answer postWithToken(String path, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody());
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request);
	}

	/**
	 * Starts a device authorization for {@code cli}.
	 * @return the device authorization response
	 */
	public JsonNode deviceAuthorization() {
		Answer answer = post("/oauth2/device_authorization", null, Map.of("client_id", "cli", "scope", "orders"));
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.json();
	}

	/**
	 * Asks the token endpoint once for the device code's token.
	 * @param deviceCode the device code
	 * @return the answer: the token, or {@code authorization_pending}
	 */
	public Answer pollDeviceToken(String deviceCode) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "urn:ietf:params:oauth:grant-type:device_code");
		form.put("device_code", deviceCode);
		form.put("client_id", "cli");
		return post("/oauth2/token", null, form);
	}

	/**
	 * The whole device grant: the device asks, the user approves in a browser, the device
	 * gets the token.
	 * @param username who approves
	 * @param password their password
	 * @return the access token
	 */
	public String deviceAccessToken(String username, String password) {
		JsonNode device = deviceAuthorization();
		Browser browser = new Browser(this.port);
		browser.open(device.get("verification_uri_complete").asString());
		browser.signIn(username, password);
		HttpResponse<String> approved = browser.consent();
		assertThat(approved.uri().getPath()).as(approved.statusCode() + " " + approved.body()).isEqualTo("/activate");
		Answer token = pollDeviceToken(device.get("device_code").asString());
		assertThat(token.status()).as(token.text()).isEqualTo(200);
		return token.json().get("access_token").asString();
	}

	/**
	 * Verifies a token the way a resource server would: signature against the published
	 * JWKS (fetched afresh), expiry, issuer.
	 * @param token the JWT
	 * @return its claims
	 */
	public Jwt verify(String token) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.base.resolve("/oauth2/jwks").toString()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
		return decoder.decode(token);
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer of the service.
	 *
	 * @param status the HTTP status
	 * @param contentType its Content-Type
	 * @param text its body
	 */
	public record Answer(int status, String contentType, String text) {

		public JsonNode json() {
			return json.readTree(this.text);
		}

	}

}
