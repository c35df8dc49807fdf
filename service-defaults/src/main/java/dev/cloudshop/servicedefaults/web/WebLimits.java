package dev.cloudshop.servicedefaults.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may send to a service.
 *
 * @param maxBodySize the largest request body; the services' JSON requests are small, a
 * service that takes uploads raises it
 */
@ConfigurationProperties("cloudshop.web")
public record WebLimits(@DefaultValue("16KB") DataSize maxBodySize) {
}
