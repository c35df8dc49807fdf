package dev.cloudshop.payment.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may send.
 *
 * @param maxBodySize the largest request body; the service's JSON requests are small
 */
@ConfigurationProperties("web.limits")
record WebLimits(@DefaultValue("16KB") DataSize maxBodySize) {
}
