package dev.cloudshop.auth.server;

import java.util.Collection;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.cloudshop.auth.client.DeviceClientAuthentication;
import dev.cloudshop.auth.token.TokenProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains, asked in order:
 * <ol>
 * <li>the OAuth2 / OpenID Connect endpoints ({@code /oauth2/**}, discovery, JWKS,
 * userinfo): a browser that is not signed in is sent to the sign-in page;</li>
 * <li>{@code /admin/**}: a bearer token of this issuer with the role {@code ADMIN};</li>
 * <li>everything else: the sign-in form, the device activation page, actuator, and a
 * problem for any other path.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ACTIVATE = "/activate";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, RegisteredClientRepository clients,
			AuthorizationServerSettings settings) {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults())
				.deviceAuthorizationEndpoint((device) -> device.verificationUri(ACTIVATE))
				.deviceVerificationEndpoint((verification) -> verification.deviceVerificationResponseHandler(
						new SimpleUrlAuthenticationSuccessHandler(ACTIVATE + "?success")))
				.clientAuthentication((client) -> client
					.authenticationConverter(
							DeviceClientAuthentication.converter(settings.getDeviceAuthorizationEndpoint()))
					.authenticationProvider(DeviceClientAuthentication.provider(clients)));
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// The OpenID Connect userinfo endpoint takes the access token.
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminApi(HttpSecurity http) {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
		tokens.setJwtGrantedAuthoritiesConverter(roles);
		AdminProblems problems = new AdminProblems();
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(tokens)))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens only, no cookies: no cross-site request can ride on them.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain signIn(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Verifies this issuer's own access tokens: its published keys, its issuer, the
	 * suite's audience.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AuthorizationServerSettings settings,
			TokenProperties tokens) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.getIssuer()),
						new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
								(audience) -> audience != null && audience.contains(tokens.audience()))));
		return decoder;
	}

}
