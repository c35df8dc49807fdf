package dev.cloudshop.servicedefaults.tracing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where spans go.
 *
 * @param endpoint the Zipkin server's span intake, such as
 * {@code http://localhost:9411/api/v2/spans}
 * @param readTimeout how long one export may wait for the server's answer; spans are sent
 * in batches off the request threads, so a slow server never slows a request down
 */
@ConfigurationProperties("cloudshop.tracing.zipkin")
public record ZipkinExportProperties(URI endpoint, @DefaultValue("5s") Duration readTimeout) {

}
