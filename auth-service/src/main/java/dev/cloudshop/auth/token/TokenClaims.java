package dev.cloudshop.auth.token;

import java.util.ArrayList;
import java.util.List;

import dev.cloudshop.auth.user.Roles;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The suite's claims. Access tokens are for the suite's APIs ({@code aud} is
 * {@code cloudshop}, not the client) and carry the user's {@code roles}; a customer's
 * also carries {@code customer_id}, the customer the services act for. ID tokens carry
 * the same roles and customer id for the client's own use.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES = "roles";

	static final String CUSTOMER_ID = "customer_id";

	private final TokenProperties properties;

	TokenClaims(TokenProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		// ArrayLists: the claims are stored with the authorization as JSON with type
		// information, and read back only as types on Spring Security's allowlist, where
		// the
		// immutable lists of List.of and toList() are not.
		if (accessToken) {
			context.getClaims().audience(new ArrayList<>(List.of(this.properties.audience())));
		}
		Authentication user = context.getPrincipal();
		List<String> roles = new ArrayList<>(Roles.of(user.getAuthorities()));
		context.getClaims().claim(ROLES, roles);
		if (roles.contains(Roles.CUSTOMER)) {
			context.getClaims().claim(CUSTOMER_ID, user.getName());
		}
	}

}
