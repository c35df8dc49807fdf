package dev.cloudshop.payment.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The amount of the annotated charge has no more decimals than its currency: 2 for EUR, 0
 * for JPY, 3 for KWD. Reported on the {@code amount} field; a missing amount or an
 * unknown currency is left to their own constraints.
 */
@Documented
@Constraint(validatedBy = AmountFitsCurrency.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AmountFitsCurrency {

	String message() default "has more decimals than its currency";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<AmountFitsCurrency, ChargeRequest> {

		@Override
		public boolean isValid(ChargeRequest request, ConstraintValidatorContext context) {
			if (request == null || request.amount() == null || !Payment.isPayableCurrency(request.currency())
					|| Payment.fitsCurrency(request.amount(), request.currency())) {
				return true;
			}
			int digits = Currency.getInstance(request.currency()).getDefaultFractionDigits();
			context.disableDefaultConstraintViolation();
			context
				.buildConstraintViolationWithTemplate((digits == 0) ? "must be a whole number in this currency"
						: "must have at most " + digits + " decimals in this currency")
				.addPropertyNode("amount")
				.addConstraintViolation();
			return false;
		}

	}

}
