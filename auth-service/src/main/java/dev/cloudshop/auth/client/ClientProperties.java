package dev.cloudshop.auth.client;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the registered clients made at start-up.
 *
 * @param gatewaySecret the gateway's client secret
 * @param gatewayRedirectUri where the gateway receives the authorization code
 */
@ConfigurationProperties("auth.clients")
public record ClientProperties(String gatewaySecret, URI gatewayRedirectUri) {
}
