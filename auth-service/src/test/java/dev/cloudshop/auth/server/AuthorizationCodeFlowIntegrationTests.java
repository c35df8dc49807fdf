package dev.cloudshop.auth.server;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.auth.AuthServiceTest;
import dev.cloudshop.auth.Browser;
import dev.cloudshop.auth.TestIssuer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront's sign-in as the gateway will drive it: authorization code with PKCE, a
 * person signing in on the form, the code exchanged by the confidential client.
 */
@AuthServiceTest
class AuthorizationCodeFlowIntegrationTests {

	static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/gateway";

	@LocalServerPort
	int port;

	@Test
	void issuesACustomersTokensForTheSuiteAfterSignInWithPkce() throws Exception {
		String verifier = randomUrlSafe();
		String state = randomUrlSafe();
		Browser browser = new Browser(this.port);

		HttpResponse<String> signInPage = browser.open(authorizeUrl(challengeOf(verifier), state));
		assertThat(signInPage.uri().getPath()).isEqualTo("/login");
		HttpResponse<String> redirect = browser.signIn("ada", "ada-password");

		assertThat(redirect.statusCode()).isEqualTo(302);
		URI callback = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		assertThat(callback.toString()).startsWith(REDIRECT_URI + "?");
		Map<String, String> query = UriComponentsBuilder.fromUri(callback).build().getQueryParams().toSingleValueMap();
		assertThat(query).containsEntry("state", state).containsKey("code");

		TestIssuer issuer = new TestIssuer(this.port);
		TestIssuer.Answer tokens = issuer.post("/oauth2/token", "gateway:gateway-secret",
				exchange(query.get("code"), verifier));
		assertThat(tokens.status()).as(tokens.text()).isEqualTo(200);
		JsonNode body = tokens.json();
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
		assertThat(body.has("id_token")).isTrue();
		assertThat(body.has("refresh_token")).isTrue();

		Jwt access = issuer.verify(body.get("access_token").asString());
		assertThat(access.getIssuer()).hasToString(TestIssuer.ISSUER);
		assertThat(access.getAudience()).containsExactly("cloudshop");
		assertThat(access.getSubject()).isEqualTo("ada");
		assertThat(access.getClaimAsString("customer_id")).isEqualTo("ada");
		assertThat(access.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
		assertThat(access.getClaimAsStringList("scope")).contains("openid", "profile", "orders");
		assertThat(access.getHeaders()).containsKey("kid");

		Jwt id = issuer.verify(body.get("id_token").asString());
		assertThat(id.getAudience()).containsExactly("gateway");
		assertThat(id.getClaimAsString("customer_id")).isEqualTo("ada");

		TestIssuer.Answer userInfo = issuer.get("/userinfo", body.get("access_token").asString());
		assertThat(userInfo.status()).as(userInfo.text()).isEqualTo(200);
		assertThat(userInfo.json().get("sub").asString()).isEqualTo("ada");

		TestIssuer.Answer refreshed = issuer.post("/oauth2/token", "gateway:gateway-secret",
				Map.of("grant_type", "refresh_token", "refresh_token", body.get("refresh_token").asString()));
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		Jwt renewed = issuer.verify(refreshed.json().get("access_token").asString());
		assertThat(renewed.getAudience()).containsExactly("cloudshop");
		assertThat(renewed.getClaimAsString("customer_id")).isEqualTo("ada");
		assertThat(renewed.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
	}

	@Test
	void refusesTheCodeWithoutTheVerifierItWasIssuedFor() throws Exception {
		String verifier = randomUrlSafe();
		Browser browser = new Browser(this.port);
		browser.open(authorizeUrl(challengeOf(verifier), "s"));
		HttpResponse<String> redirect = browser.signIn("bob", "bob-password");
		String code = UriComponentsBuilder.fromUriString(redirect.headers().firstValue("Location").orElseThrow())
			.build()
			.getQueryParams()
			.getFirst("code");

		TestIssuer.Answer tokens = new TestIssuer(this.port).post("/oauth2/token", "gateway:gateway-secret",
				exchange(code, randomUrlSafe()));

		assertThat(tokens.status()).isEqualTo(400);
		assertThat(tokens.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void refusesAWrongPasswordAndIssuesNoCode() throws Exception {
		Browser browser = new Browser(this.port);
		String authorize = authorizeUrl(challengeOf(randomUrlSafe()), "s");
		browser.open(authorize);

		HttpResponse<String> answer = browser.signIn("ada", "not-ada-password");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.uri().getPath()).isEqualTo("/login");
		assertThat(answer.uri().getQuery()).isEqualTo("error");
		assertThat(answer.body()).contains("Invalid credentials");
		assertThat(browser.open(authorize).uri().getPath()).as("still signed out").isEqualTo("/login");
	}

	@Test
	void refusesAnUnknownClientWithAnOAuth2Error() {
		TestIssuer.Answer answer = new TestIssuer(this.port).post("/oauth2/token", "nobody:secret",
				exchange("some-code", randomUrlSafe()));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.contentType()).startsWith("application/json");
		assertThat(answer.json().get("error").asString()).isEqualTo("invalid_client");
		assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void refusesTheGatewayWithAWrongSecret() {
		TestIssuer.Answer answer = new TestIssuer(this.port).post("/oauth2/token", "gateway:wrong",
				exchange("some-code", randomUrlSafe()));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.json().get("error").asString()).isEqualTo("invalid_client");
	}

	private String authorizeUrl(String challenge, String state) {
		return UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", "gateway")
			.queryParam("scope", "openid profile orders")
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("state", state)
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.toUriString();
	}

	private static Map<String, String> exchange(String code, String verifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", REDIRECT_URI);
		form.put("code_verifier", verifier);
		return form;
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challengeOf(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

}
