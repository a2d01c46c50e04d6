package org.llmtutor.userservice.quiz;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Absent, null, or a JSON object or array of at most {@link #maxBytes} bytes (compact UTF-8, as stored). Text that
 * PostgreSQL's jsonb cannot hold (NUL characters, unpaired surrogates) is refused here rather than failing the insert.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = JsonDocument.Validator.class)
@interface JsonDocument {

    int maxBytes();

    String message() default "must be a JSON object or array";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<JsonDocument, JsonNode> {

        private int maxBytes;

        @Override
        public void initialize(JsonDocument annotation) {
            maxBytes = annotation.maxBytes();
        }

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            if (value == null || value.isNull()) {
                return true;
            }
            if (!value.isContainer()) {
                return false;
            }
            if (value.toString().getBytes(StandardCharsets.UTF_8).length > maxBytes) {
                return fail(context, "must be at most " + maxBytes + " bytes of JSON");
            }
            if (!storable(value)) {
                return fail(context, "must not contain NUL characters or unpaired surrogates");
            }
            return true;
        }

        private static boolean fail(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }

        /** Nesting depth is bounded by Jackson's parser limits, so recursion is safe. */
        private static boolean storable(JsonNode node) {
            if (node.isString()) {
                return storable(node.asString());
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!storable(field.getKey()) || !storable(field.getValue())) {
                        return false;
                    }
                }
                return true;
            }
            for (JsonNode element : node) {
                if (!storable(element)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean storable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 0) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
