package dev.cloudshop.notification.email;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the emails are sent; the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from the sender, an address or {@code Name <address>}
 */
@ConfigurationProperties("notification.email")
@Validated
record EmailProperties(@DefaultValue("shop@cloudshop.dev") @NotBlank String from) {
}
