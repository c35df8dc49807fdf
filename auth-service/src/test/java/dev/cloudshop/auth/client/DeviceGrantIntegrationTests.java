package dev.cloudshop.auth.client;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.auth.AuthServiceTest;
import dev.cloudshop.auth.Browser;
import dev.cloudshop.auth.TestIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device authorization grant for {@code cli}, a public client: what a person at a
 * terminal does with curl and a browser.
 */
@AuthServiceTest
class DeviceGrantIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void issuesATokenToTheDeviceOnceTheCustomerApprovesIt() {
		this.jdbc.update("delete from oauth2_authorization_consent where principal_name = 'ada'");
		TestIssuer issuer = new TestIssuer(this.port);
		JsonNode device = issuer.deviceAuthorization();
		assertThat(device.get("verification_uri").asString()).endsWith("/activate");
		assertThat(device.get("verification_uri_complete").asString()).contains("/activate?user_code=");
		String deviceCode = device.get("device_code").asString();

		TestIssuer.Answer pending = issuer.pollDeviceToken(deviceCode);
		assertThat(pending.status()).isEqualTo(400);
		assertThat(pending.json().get("error").asString()).isEqualTo("authorization_pending");

		Browser browser = new Browser(this.port);
		HttpResponse<String> form = browser.open("/activate");
		assertThat(form.body()).contains("name=\"user_code\"");
		HttpResponse<String> signIn = browser.open("/activate?user_code=" + device.get("user_code").asString());
		assertThat(signIn.uri().getPath()).isEqualTo("/login");
		HttpResponse<String> consent = browser.signIn("ada", "ada-password");
		assertThat(consent.body()).as("the person confirms the code their device shows")
			.contains(device.get("user_code").asString());
		HttpResponse<String> activated = browser.consent();
		assertThat(activated.uri().getPath()).isEqualTo("/activate");
		assertThat(activated.statusCode()).isEqualTo(200);
		assertThat(activated.body()).contains("Device activated");

		TestIssuer.Answer token = issuer.pollDeviceToken(deviceCode);
		assertThat(token.status()).as(token.text()).isEqualTo(200);
		Jwt access = issuer.verify(token.json().get("access_token").asString());
		assertThat(access.getSubject()).isEqualTo("ada");
		assertThat(access.getAudience()).containsExactly("cloudshop");
		assertThat(access.getClaimAsString("customer_id")).isEqualTo("ada");
		assertThat(access.getClaimAsStringList("roles")).containsExactly("CUSTOMER");

		TestIssuer.Answer again = issuer.pollDeviceToken(deviceCode);
		assertThat(again.status()).as("a device code is used once: " + again.text()).isEqualTo(400);
	}

	@Test
	void givesTheAdministratorTheAdminRoleAndNoCustomerId() {
		TestIssuer issuer = new TestIssuer(this.port);

		Jwt access = issuer.verify(issuer.deviceAccessToken("admin", "admin-password"));

		assertThat(access.getClaimAsStringList("roles")).containsExactly("ADMIN");
		assertThat(access.hasClaim("customer_id")).isFalse();
	}

	@Test
	void refusesAnUnknownClient() {
		TestIssuer.Answer answer = new TestIssuer(this.port).post("/oauth2/device_authorization", null,
				java.util.Map.of("client_id", "nobody", "scope", "orders"));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesTheDeviceGrantToTheConfidentialGatewayWithoutItsSecret() {
		TestIssuer.Answer answer = new TestIssuer(this.port).post("/oauth2/device_authorization", null,
				java.util.Map.of("client_id", "gateway", "scope", "orders"));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.json().get("error").asString()).isEqualTo("invalid_client");
	}

}
