package dev.cloudshop.auth.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The passwords of the demo users made at start-up when they are missing.
 *
 * @param adaPassword customer {@code ada}'s
 * @param bobPassword customer {@code bob}'s
 * @param adminPassword administrator {@code admin}'s
 */
@ConfigurationProperties("auth.users")
public record DemoUserProperties(String adaPassword, String bobPassword, String adminPassword) {
}
