package dev.cloudshop.auth.client;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.Transient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * How a public client (one without a secret, such as {@code cli}) identifies itself on
 * the device authorization request and the device code token request: by its
 * {@code client_id} alone. Spring Authorization Server authenticates public clients only
 * on a PKCE token request, which the device grant does not make. The client must be
 * registered with the method {@code none}; a confidential client still has to send its
 * secret.
 */
public final class DeviceClientAuthentication {

	private DeviceClientAuthentication() {
	}

	/**
	 * @param deviceAuthorizationEndpoint the path of the device authorization endpoint
	 * @return the converter that reads a public device client's {@code client_id}
	 */
	public static AuthenticationConverter converter(String deviceAuthorizationEndpoint) {
		return new Converter(deviceAuthorizationEndpoint);
	}

	/**
	 * @param clients the registered clients
	 * @return the provider that accepts a registered public client by its id
	 */
	public static AuthenticationProvider provider(RegisteredClientRepository clients) {
		return new Provider(clients);
	}

	@Transient
	static final class Token extends OAuth2ClientAuthenticationToken {

		Token(String clientId) {
			super(clientId, ClientAuthenticationMethod.NONE, null, null);
		}

		Token(RegisteredClient client) {
			super(client, ClientAuthenticationMethod.NONE, null);
		}

	}

	private static final class Converter implements AuthenticationConverter {

		private final RequestMatcher deviceAuthorizationRequest;

		Converter(String deviceAuthorizationEndpoint) {
			this.deviceAuthorizationRequest = PathPatternRequestMatcher.withDefaults()
				.matcher(HttpMethod.POST, deviceAuthorizationEndpoint);
		}

		@Override
		public Authentication convert(HttpServletRequest request) {
			if (request.getHeader("Authorization") != null || request.getParameter("client_secret") != null) {
				return null;
			}
			boolean deviceAuthorization = this.deviceAuthorizationRequest.matches(request);
			boolean deviceCodeToken = AuthorizationGrantType.DEVICE_CODE.getValue()
				.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
					&& request.getParameter(OAuth2ParameterNames.DEVICE_CODE) != null;
			if (!deviceAuthorization && !deviceCodeToken) {
				return null;
			}
			String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
			if (clientIds == null) {
				return null;
			}
			if (clientIds.length != 1 || !StringUtils.hasText(clientIds[0])) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
			}
			return new Token(clientIds[0]);
		}

	}

	private static final class Provider implements AuthenticationProvider {

		private final RegisteredClientRepository clients;

		Provider(RegisteredClientRepository clients) {
			this.clients = clients;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String clientId = authentication.getName();
			RegisteredClient client = this.clients.findByClientId(clientId);
			if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
						"Client authentication failed: client_id", null));
			}
			return new Token(client);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return Token.class.isAssignableFrom(authentication);
		}

	}

}
