package dev.cloudshop.auth.key;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.cloudshop.auth.AuthServiceTest;
import dev.cloudshop.auth.TestIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@AuthServiceTest
class SigningKeyRotationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void signsWithTheNewKeyAfterRotationAndKeepsTheOldOnePublishedUntilRetired() {
		TestIssuer issuer = new TestIssuer(this.port);
		String admin = issuer.deviceAccessToken("admin", "admin-password");
		String before = issuer.deviceAccessToken("bob", "bob-password");
		String oldKid = issuer.verify(before).getHeaders().get("kid").toString();

		TestIssuer.Answer rotated = issuer.postWithToken("/admin/signing-keys", admin);
		assertThat(rotated.status()).as(rotated.text()).isEqualTo(201);
		String newKid = rotated.json().get("kid").asString();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(rotated.json().get("active").asBoolean()).isTrue();

		String after = issuer.deviceAccessToken("bob", "bob-password");
		assertThat(issuer.verify(after).getHeaders()).containsEntry("kid", newKid);
		assertThat(publishedKids(issuer)).contains(oldKid, newKid);
		assertThat(issuer.verify(before).getSubject()).as("the old token still verifies").isEqualTo("bob");

		TestIssuer.Answer retireActive = issuer.postWithToken("/admin/signing-keys/" + newKid + "/retire", admin);
		assertThat(retireActive.status()).isEqualTo(409);
		assertThat(retireActive.contentType()).startsWith("application/problem+json");

		TestIssuer.Answer retired = issuer.postWithToken("/admin/signing-keys/" + oldKid + "/retire", admin);
		assertThat(retired.status()).as(retired.text()).isEqualTo(200);
		assertThat(publishedKids(issuer)).doesNotContain(oldKid).contains(newKid);
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> issuer.verify(before));
		assertThat(issuer.verify(after).getSubject()).isEqualTo("bob");
	}

	@Test
	void keepsPrivateKeysEncryptedAtRest() {
		List<byte[]> privateKeys = this.jdbc.query("select private_key from signing_keys", (rs, row) -> rs.getBytes(1));
		assertThat(privateKeys).isNotEmpty();
		for (byte[] stored : privateKeys) {
			// An unencrypted PKCS#8 key is a DER SEQUENCE: 0x30 0x82 ...
			assertThat(stored[0] == 0x30 && stored[1] == (byte) 0x82 && stored[4] == 0x02).isFalse();
		}
	}

	@Test
	void letsOnlyAdministratorsRotate() {
		TestIssuer issuer = new TestIssuer(this.port);
		String customer = issuer.deviceAccessToken("ada", "ada-password");

		assertThatProblem(issuer.postWithToken("/admin/signing-keys", null), 401, "unauthorized");
		assertThatProblem(issuer.postWithToken("/admin/signing-keys", "not-a-token"), 401, "unauthorized");
		assertThatProblem(issuer.postWithToken("/admin/signing-keys", customer), 403, "forbidden");
		assertThatProblem(issuer.get("/admin/signing-keys", customer), 403, "forbidden");
		assertThat(this.jdbc.queryForObject("select count(*) from signing_keys where active", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void answersAnUnknownKeyWithANotFoundProblem() {
		TestIssuer issuer = new TestIssuer(this.port);
		String admin = issuer.deviceAccessToken("admin", "admin-password");

		TestIssuer.Answer answer = issuer.postWithToken("/admin/signing-keys/no-such-kid/retire", admin);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.json().get("type").asString()).endsWith("/not-found");
	}

	private static void assertThatProblem(TestIssuer.Answer answer, int status, String type) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("type").asString()).isEqualTo("https://cloudshop.dev/problems/" + type);
	}

	private static List<String> publishedKids(TestIssuer issuer) {
		List<String> kids = new ArrayList<>();
		for (JsonNode key : issuer.get("/oauth2/jwks", null).json().get("keys")) {
			kids.add(key.get("kid").asString());
		}
		return kids;
	}

}
