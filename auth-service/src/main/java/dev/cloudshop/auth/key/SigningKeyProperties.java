package dev.cloudshop.auth.key;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Settings of the signing keys.
 *
 * @param encryptionSecret the secret the private keys are encrypted with at rest
 */
@ConfigurationProperties("auth.signing-keys")
public record SigningKeyProperties(String encryptionSecret) {

	public SigningKeyProperties {
		Assert.hasText(encryptionSecret, "auth.signing-keys.encryption-secret must be set");
	}

}
