package dev.cloudshop.payment.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated code is one payments may be made in: see
 * {@link Payment#isPayableCurrency(String)}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PayableCurrency.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface PayableCurrency {

	String message() default "must be an ISO 4217 currency code such as EUR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PayableCurrency, String> {

		@Override
		public boolean isValid(String currency, ConstraintValidatorContext context) {
			return currency == null || Payment.isPayableCurrency(currency);
		}

	}

}
