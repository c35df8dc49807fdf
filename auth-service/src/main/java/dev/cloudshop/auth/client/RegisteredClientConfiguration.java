package dev.cloudshop.auth.client;

import java.util.UUID;

import dev.cloudshop.auth.token.TokenProperties;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.util.Assert;

/**
 * Registered clients, authorizations and consents in the database, and the suite's two
 * clients, made at start-up when they are missing (an existing registration is left as it
 * is):
 * <ul>
 * <li>{@code gateway}: the storefront's client, confidential (the gateway holds the
 * secret and the session), authorization code with PKCE, scopes {@code openid profile
 * orders};</li>
 * <li>{@code cli}: a public client for people at a terminal, the device authorization
 * grant, scope {@code orders} (the device grant is plain OAuth2: no {@code openid}, no ID
 * token).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RegisteredClientConfiguration {

	static final String ORDERS_SCOPE = "orders";

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	ApplicationRunner suiteClients(RegisteredClientRepository clients, ClientProperties properties,
			TokenProperties tokens, PasswordEncoder encoder) {
		return (args) -> {
			TokenSettings tokenSettings = TokenSettings.builder()
				.accessTokenTimeToLive(tokens.accessTokenTimeToLive())
				.build();
			if (clients.findByClientId("gateway") == null) {
				Assert.hasText(properties.gatewaySecret(), "auth.clients.gateway-secret must be set");
				clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
					.clientId("gateway")
					.clientName("Cloud Shop storefront (gateway)")
					.clientSecret(encoder.encode(properties.gatewaySecret()))
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
					.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
					.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
					.redirectUri(properties.gatewayRedirectUri().toString())
					.scope(OidcScopes.OPENID)
					.scope(OidcScopes.PROFILE)
					.scope(ORDERS_SCOPE)
					.clientSettings(ClientSettings.builder().requireProofKey(true).build())
					.tokenSettings(tokenSettings)
					.build());
			}
			if (clients.findByClientId("cli") == null) {
				clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
					.clientId("cli")
					.clientName("Cloud Shop command line (device authorization)")
					.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
					.authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
					.scope(ORDERS_SCOPE)
					.tokenSettings(tokenSettings)
					.build());
			}
		};
	}

}
