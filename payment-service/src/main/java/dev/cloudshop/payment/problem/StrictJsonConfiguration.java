package dev.cloudshop.payment.problem;

import tools.jackson.core.StreamReadFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads request JSON strictly, so a client learns of its mistake instead of having it
 * silently taken one way or another. Unknown fields and floats for integers are refused
 * through {@code spring.jackson.deserialization} in {@code application.yml}; this refuses
 * an object that has a field twice, where which of the two counts would be a guess.
 * <p>
 * Numbers are not refused for strings here, for every reader: Actuator reads the body of
 * a write operation as a {@code Map<String, String>}, which would then refuse
 * {@code {"latencyMs": 2000}}. Request records refuse them field by field instead.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer refuseDuplicateFields() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}
