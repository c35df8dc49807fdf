package dev.cloudshop.servicedefaults.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Sends every span the service records (Micrometer Tracing on OpenTelemetry) to a Zipkin
 * server, when {@code cloudshop.tracing.zipkin.endpoint} names one (the local stack,
 * compose and Kubernetes set {@code CLOUDSHOP_TRACING_ZIPKIN_ENDPOINT}). Without it
 * nothing is sent, and nothing complains about a server that is not there. Spring Boot
 * picks every {@code SpanExporter} bean up into its batch span processor.
 */
@AutoConfiguration
@ConditionalOnClass(ZipkinSpanExporter.class)
@ConditionalOnProperty(prefix = "cloudshop.tracing.zipkin", name = "endpoint")
@EnableConfigurationProperties(ZipkinExportProperties.class)
public class ZipkinExportAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZipkinSpanExporter zipkinSpanExporter(ZipkinExportProperties properties) {
		return ZipkinSpanExporter.builder()
			.setEndpoint(properties.endpoint().toString())
			.setReadTimeout(properties.readTimeout())
			.build();
	}

}
