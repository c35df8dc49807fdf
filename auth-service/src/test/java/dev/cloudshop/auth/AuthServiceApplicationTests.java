package dev.cloudshop.auth;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.testinfra.ServiceDefaultsContract;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class AuthServiceApplicationTests implements ServiceDefaultsContract {

	@LocalServerPort
	int port;

	@Test
	void publishesTheOpenIdDiscoveryDocumentForTheConfiguredIssuer() {
		TestIssuer.Answer answer = new TestIssuer(this.port).get("/.well-known/openid-configuration", null);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode discovery = answer.json();
		assertThat(discovery.get("issuer").asString()).isEqualTo(TestIssuer.ISSUER);
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo(TestIssuer.ISSUER + "/oauth2/jwks");
		assertThat(discovery.get("authorization_endpoint").asString())
			.isEqualTo(TestIssuer.ISSUER + "/oauth2/authorize");
		assertThat(discovery.get("token_endpoint").asString()).isEqualTo(TestIssuer.ISSUER + "/oauth2/token");
		assertThat(discovery.get("device_authorization_endpoint").asString())
			.isEqualTo(TestIssuer.ISSUER + "/oauth2/device_authorization");
		assertThat(values(discovery.get("grant_types_supported"))).contains("authorization_code",
				"urn:ietf:params:oauth:grant-type:device_code");
		assertThat(values(discovery.get("code_challenge_methods_supported"))).contains("S256");
	}

	@Test
	void publishesItsSigningKeysWithTheirIdsAndWithoutTheirPrivateParts() {
		TestIssuer.Answer answer = new TestIssuer(this.port).get("/oauth2/jwks", null);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode keys = answer.json().get("keys");
		assertThat(keys.size()).isPositive();
		for (JsonNode key : keys) {
			assertThat(key.get("kty").asString()).isEqualTo("RSA");
			assertThat(key.get("kid").asString()).isNotBlank();
			assertThat(key.has("n")).isTrue();
			assertThat(key.has("d")).as("private exponent published").isFalse();
			assertThat(key.has("p")).isFalse();
		}
	}

	private static List<String> values(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
