package dev.cloudshop.servicedefaults.web;

import tools.jackson.core.StreamReadFeature;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * What a Spring MVC service of the suite does with its input: refuses a body over
 * {@code cloudshop.web.max-body-size} (16 KB unless the service says otherwise) with a
 * 413 problem, and reads JSON strictly. Unknown fields and floats for integers are
 * refused through {@code spring.jackson.deserialization} in
 * {@code service-defaults-servlet.yml}; this refuses an object that has a field twice,
 * where which of the two counts would be a guess.
 * <p>
 * Every bean backs off when the service declares its own of the same type.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(WebLimits.class)
public class WebDefaultsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BodySizeLimitFilter bodySizeLimitFilter(WebLimits limits,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
		return new BodySizeLimitFilter(limits, resolver);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
	static class StrictJsonConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "refuseDuplicateFields")
		JsonMapperBuilderCustomizer refuseDuplicateFields() {
			return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
		}

	}

}
