package org.llmtutor.userservice.quiz;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** A JSON number from 0 to 100. Strings such as {@code "80"} are refused rather than coerced. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Percentage.Validator.class)
@interface Percentage {

    String message() default "must be a number from 0 to 100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Percentage, JsonNode> {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            if (value == null || value.isNull()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("is required").addConstraintViolation();
                return false;
            }
            if (!value.isNumber()) {
                return false;
            }
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                return false;
            }
            // Compared exactly: a number of a thousand digits is a valid JSON number far out of range, not an error.
            BigDecimal score = value.decimalValue();
            return score.signum() >= 0 && score.compareTo(HUNDRED) <= 0;
        }
    }
}
