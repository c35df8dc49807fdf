package dev.cloudshop.auth.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private keys at rest with AES-256-GCM. The AES key is derived from the
 * configured secret with PBKDF2 (HMAC-SHA256), once at start-up. Each encryption takes a
 * fresh random 12-byte nonce, stored in front of the ciphertext; the key id is the
 * associated data, so a ciphertext moved to another row does not decrypt. A wrong secret
 * fails the GCM tag check instead of yielding a wrong key.
 */
class KeyEncryption {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	// A fixed salt: there is one secret per deployment, and the salt only keeps the
	// derived
	// key apart from anything else derived from the same secret.
	private static final byte[] SALT = "cloudshop auth-service signing keys".getBytes(StandardCharsets.UTF_8);

	private static final int ITERATIONS = 210_000;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	KeyEncryption(String secret) {
		try {
			KeySpec spec = new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256);
			byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			this.key = new SecretKeySpec(derived, "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not derive the key encryption key", ex);
		}
	}

	byte[] encrypt(byte[] plaintext, String kid) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt the private key of " + kid, ex);
		}
	}

	byte[] decrypt(byte[] stored, String kid) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt the private key of " + kid
					+ ": was it stored under another AUTH_KEY_ENCRYPTION_SECRET?", ex);
		}
	}

}
