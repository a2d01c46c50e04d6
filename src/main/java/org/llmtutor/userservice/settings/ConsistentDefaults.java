package org.llmtutor.userservice.settings;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;

/**
 * Every service has a default of an allowed provider and a well-formed model, and no default names an unknown service.
 * Each problem is reported on its own, naming the setting to fix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentDefaults.Validator.class)
@interface ConsistentDefaults {

    String message() default "app.settings.defaults are inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentDefaults, SettingsProperties> {

        @Override
        public boolean isValid(SettingsProperties settings, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            for (ServiceType service : ServiceType.values()) {
                ModelChoice d = settings.defaults().get(service.key());
                if (d == null || d.provider() == null || d.model() == null) {
                    valid = refuse(
                            context,
                            "app.settings.defaults." + service.key()
                                    + " must give a provider and a model (the default for users who stored none)");
                    continue;
                }
                if (!settings.providers().isEmpty() && !settings.providers().contains(d.provider())) {
                    valid = refuse(
                            context,
                            "The default provider of " + service.key() + " (" + d.provider()
                                    + ") is not one of SETTINGS_PROVIDERS " + settings.providers());
                }
                if (!SettingsValidator.isWellFormedModel(d.model())) {
                    valid = refuse(
                            context,
                            "The default model of " + service.key() + " (" + d.model() + ") is not a valid model name");
                }
            }
            List<String> unknownServices = settings.defaults().keySet().stream()
                    .filter(k -> ServiceType.fromKey(k).isEmpty())
                    .sorted()
                    .toList();
            if (!unknownServices.isEmpty()) {
                valid = refuse(
                        context,
                        "app.settings.defaults names unknown services " + unknownServices + "; known: "
                                + Arrays.stream(ServiceType.values())
                                        .map(ServiceType::key)
                                        .toList());
            }
            return valid;
        }

        /** Adds the message as it is: configured values may contain the template syntax of Bean Validation. */
        private static boolean refuse(ConstraintValidatorContext context, String message) {
            context.buildConstraintViolationWithTemplate(message.replaceAll("([\\\\{}$])", "\\\\$1"))
                    .addConstraintViolation();
            return false;
        }
    }
}
