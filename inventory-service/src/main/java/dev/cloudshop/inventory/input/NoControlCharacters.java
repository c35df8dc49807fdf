package dev.cloudshop.inventory.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/**
 * Text of one line, such as a name or a sku: no control characters. Among them is NUL,
 * which PostgreSQL can neither store nor compare, so it would fail the query instead of
 * the request.
 */
@Documented
@Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

	String message() default "must not contain control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
