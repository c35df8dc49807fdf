package dev.cloudshop.auth.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.cloudshop.servicedefaults.problem.NotFoundException;
import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signing keys in the database. Every key not retired is published; the newest active
 * key signs. Private keys are decrypted once per key and kept in memory; which keys are
 * published and which one signs is read from the database on every use, so a rotation
 * made on one instance is used by every instance at once.
 */
public class SigningKeys {

	private static final String COLUMNS = "kid, public_key, private_key, created_at, active, retired_at";

	private final JdbcTemplate jdbc;

	private final KeyEncryption encryption;

	private final Clock clock;

	private final Map<String, RSAKey> decrypted = new ConcurrentHashMap<>();

	SigningKeys(JdbcTemplate jdbc, KeyEncryption encryption, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.clock = clock;
	}

	/**
	 * Makes the first key when there is none to sign with.
	 */
	@Transactional
	public void ensureSigningKey() {
		// One start-up at a time decides, so two instances starting together make one
		// key.
		this.jdbc.execute("lock table signing_keys in share row exclusive mode");
		Integer active = this.jdbc
			.queryForObject("select count(*) from signing_keys where active and retired_at is null", Integer.class);
		if (active == 0) {
			insertNewKey();
		}
	}

	/**
	 * Adds a new active key and deactivates the others; they stay published until they
	 * are retired, so tokens they signed still verify.
	 * @return the new key
	 */
	@Transactional
	public SigningKeyView rotate() {
		this.jdbc.execute("lock table signing_keys in share row exclusive mode");
		this.jdbc.update("update signing_keys set active = false where active");
		return insertNewKey();
	}

	/**
	 * Takes a key out of the JWKS: tokens it signed no longer verify.
	 * @param kid the key id
	 * @return the retired key
	 */
	@Transactional
	public SigningKeyView retire(String kid) {
		List<SigningKeyView> found = this.jdbc
			.query("select " + COLUMNS + " from signing_keys where kid = ? for update", (rs, row) -> view(rs), kid);
		if (found.isEmpty()) {
			throw NotFoundException.of("signing key", "kid", kid);
		}
		SigningKeyView key = found.get(0);
		if (key.active()) {
			throw Problems.exception(Problems.of(HttpStatus.CONFLICT, "active-signing-key", "Active signing key",
					"The key new tokens are signed with cannot be retired: rotate first"));
		}
		if (key.retiredAt() != null) {
			return key;
		}
		Instant now = this.clock.instant();
		this.jdbc.update("update signing_keys set retired_at = ? where kid = ?", Timestamp.from(now), kid);
		this.decrypted.remove(kid);
		return new SigningKeyView(key.kid(), key.createdAt(), false, now);
	}

	@Transactional(readOnly = true)
	public List<SigningKeyView> list() {
		return this.jdbc.query("select " + COLUMNS + " from signing_keys order by created_at desc, kid",
				(rs, row) -> view(rs));
	}

	/**
	 * Every published key: what the JWKS endpoint serves and tokens are verified with.
	 */
	public JWKSource<SecurityContext> published() {
		return (selector, context) -> selector.select(new JWKSet(publishedKeys()));
	}

	/**
	 * The one key new tokens are signed with, so that the encoder never has to choose.
	 */
	public JWKSource<SecurityContext> signing() {
		return (selector, context) -> selector.select(new JWKSet(signingKey()));
	}

	private List<JWK> publishedKeys() {
		return this.jdbc.query("select " + COLUMNS + " from signing_keys where retired_at is null"
				+ " order by active desc, created_at desc, kid", (rs, row) -> jwk(rs));
	}

	private JWK signingKey() {
		List<JWK> keys = this.jdbc.query("select " + COLUMNS + " from signing_keys where active and retired_at is null"
				+ " order by created_at desc, kid desc limit 1", (rs, row) -> jwk(rs));
		if (keys.isEmpty()) {
			throw new IllegalStateException("No active signing key");
		}
		return keys.get(0);
	}

	private SigningKeyView insertNewKey() {
		KeyPair pair = generate();
		String kid = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		byte[] privateKey = this.encryption.encrypt(pair.getPrivate().getEncoded(), kid);
		this.jdbc.update(
				"insert into signing_keys (kid, public_key, private_key, created_at, active) values (?, ?, ?, ?, true)",
				kid, pair.getPublic().getEncoded(), privateKey, Timestamp.from(now));
		return new SigningKeyView(kid, now, true, null);
	}

	private JWK jwk(ResultSet rs) throws SQLException {
		String kid = rs.getString("kid");
		byte[] publicKey = rs.getBytes("public_key");
		byte[] privateKey = rs.getBytes("private_key");
		Instant createdAt = rs.getTimestamp("created_at").toInstant();
		return this.decrypted.computeIfAbsent(kid, (id) -> rsaKey(id, publicKey, privateKey, createdAt));
	}

	private RSAKey rsaKey(String kid, byte[] publicKey, byte[] privateKey, Instant createdAt) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey));
			RSAPrivateKey priv = (RSAPrivateKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(this.encryption.decrypt(privateKey, kid)));
			return new RSAKey.Builder(pub).privateKey(priv)
				.keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.issueTime(Date.from(createdAt))
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not read signing key " + kid, ex);
		}
	}

	private static SigningKeyView view(ResultSet rs) throws SQLException {
		Timestamp retiredAt = rs.getTimestamp("retired_at");
		return new SigningKeyView(rs.getString("kid"), rs.getTimestamp("created_at").toInstant(),
				rs.getBoolean("active"), (retiredAt != null) ? retiredAt.toInstant() : null);
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not generate an RSA key", ex);
		}
	}

}
