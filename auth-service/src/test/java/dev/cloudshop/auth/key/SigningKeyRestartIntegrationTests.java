package dev.cloudshop.auth.key;

import org.junit.jupiter.api.Test;

import dev.cloudshop.auth.AuthServiceApplication;
import dev.cloudshop.auth.TestIssuer;
import dev.cloudshop.testinfra.TestPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service stopped and started again on the same database: what it signed before still
 * verifies against what it publishes after, because the keys live in the database.
 */
class SigningKeyRestartIntegrationTests {

	@Test
	void verifiesATokenIssuedBeforeARestart() {
		String token;
		String kid;
		try (ConfigurableApplicationContext first = start()) {
			TestIssuer issuer = new TestIssuer(portOf(first));
			token = issuer.deviceAccessToken("ada", "ada-password");
			kid = issuer.verify(token).getHeaders().get("kid").toString();
		}

		try (ConfigurableApplicationContext second = start()) {
			TestIssuer issuer = new TestIssuer(portOf(second));
			Jwt verified = issuer.verify(token);
			assertThat(verified.getSubject()).isEqualTo("ada");
			assertThat(verified.getHeaders()).containsEntry("kid", kid);
			String fresh = issuer.deviceAccessToken("ada", "ada-password");
			assertThat(issuer.verify(fresh).getHeaders()).as("signs with the same key").containsEntry("kid", kid);
		}
	}

	private static ConfigurableApplicationContext start() {
		TestPostgres.Database database = TestPostgres.database("auth");
		return new SpringApplicationBuilder(AuthServiceApplication.class).run("--server.port=0",
				"--eureka.client.enabled=false", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password());
	}

	private static int portOf(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
