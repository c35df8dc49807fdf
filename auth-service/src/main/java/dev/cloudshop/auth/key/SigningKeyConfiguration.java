package dev.cloudshop.auth.key;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The authorization server's keys from the database: the {@link JWKSource} it publishes
 * and verifies with holds every key not retired, its {@link JwtEncoder} signs with the
 * newest active one only.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	@Bean
	SigningKeys signingKeys(JdbcTemplate jdbc, SigningKeyProperties properties, Clock clock) {
		return new SigningKeys(jdbc, new KeyEncryption(properties.encryptionSecret()), clock);
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return keys.published();
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(keys.signing());
	}

	// Before the web server starts, so that no token request finds no key to sign with.
	@Bean
	SmartInitializingSingleton firstSigningKey(SigningKeys keys) {
		return keys::ensureSigningKey;
	}

}
