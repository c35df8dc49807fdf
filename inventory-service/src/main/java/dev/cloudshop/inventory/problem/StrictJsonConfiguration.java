package dev.cloudshop.inventory.problem;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads request JSON strictly, so a client learns of its mistake instead of having it
 * silently taken one way or another. Unknown fields and floats for integers are refused
 * through {@code spring.jackson.deserialization} in {@code application.yml}; this
 * refuses:
 * <ul>
 * <li>a string where an integer is expected: Jackson would read it with
 * {@link Integer#parseInt}, which takes the digits of every script, so
 * {@code "quantity": "١"} (an Arabic-Indic one) would hold one unit;</li>
 * <li>an object that has a field twice, where which of the two counts would be a
 * guess.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Integer,
					(coercion) -> coercion.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
	}

}
