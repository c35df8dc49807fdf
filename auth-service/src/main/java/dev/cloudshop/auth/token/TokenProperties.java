package dev.cloudshop.auth.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the issued tokens.
 *
 * @param accessTokenTimeToLive how long an access token is accepted
 * @param audience the {@code aud} of every access token: the suite's APIs
 */
@ConfigurationProperties("auth.tokens")
public record TokenProperties(Duration accessTokenTimeToLive, String audience) {
}
