package dev.cloudshop.inventory.input;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses a string where an integer is expected: Jackson would read it with
 * {@link Integer#parseInt}, which takes the digits of every script, so
 * {@code "quantity": "١"} (an Arabic-Indic one) would hold one unit. The rest of the
 * strict reading (unknown fields, floats for integers, a field given twice) is the
 * suite's default, from service-defaults.
 */
@Configuration(proxyBeanMethods = false)
class StrictIntegerConfiguration {

	@Bean
	JsonMapperBuilderCustomizer refuseStringsForIntegers() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Integer,
				(coercion) -> coercion.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
	}

}
