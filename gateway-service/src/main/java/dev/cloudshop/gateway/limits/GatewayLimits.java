package dev.cloudshop.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces on every route.
 *
 * @param maxBodySize the largest request body a route accepts unless its
 * {@code max-body-size} metadata says otherwise
 */
@ConfigurationProperties("gateway")
record GatewayLimits(@DefaultValue("1MB") DataSize maxBodySize) {
}
