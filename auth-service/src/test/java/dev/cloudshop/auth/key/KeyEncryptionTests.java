package dev.cloudshop.auth.key;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyEncryptionTests {

	private final KeyEncryption encryption = new KeyEncryption("a secret of this deployment");

	private final byte[] key = "the private key".getBytes(StandardCharsets.UTF_8);

	@Test
	void decryptsWhatItEncryptedForTheSameKeyId() {
		byte[] stored = this.encryption.encrypt(this.key, "kid-1");

		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("the private key");
		assertThat(this.encryption.decrypt(stored, "kid-1")).isEqualTo(this.key);
	}

	@Test
	void encryptsTheSameKeyDifferentlyEachTime() {
		assertThat(this.encryption.encrypt(this.key, "kid-1")).isNotEqualTo(this.encryption.encrypt(this.key, "kid-1"));
	}

	@Test
	void refusesAKeyStoredUnderAnotherSecret() {
		byte[] stored = new KeyEncryption("another secret").encrypt(this.key, "kid-1");

		assertThatIllegalStateException().isThrownBy(() -> this.encryption.decrypt(stored, "kid-1"))
			.withMessageContaining("AUTH_KEY_ENCRYPTION_SECRET");
	}

	@Test
	void refusesAKeyMovedToAnotherRow() {
		byte[] stored = this.encryption.encrypt(this.key, "kid-1");

		assertThatIllegalStateException().isThrownBy(() -> this.encryption.decrypt(stored, "kid-2"));
	}

	@Test
	void refusesATamperedKey() {
		byte[] stored = this.encryption.encrypt(this.key, "kid-1");
		stored[stored.length - 1] ^= 1;

		assertThatIllegalStateException().isThrownBy(() -> this.encryption.decrypt(stored, "kid-1"));
	}

}
