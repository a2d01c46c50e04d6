package org.llmtutor.userservice.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.session.ChatSessionProperties;
import org.llmtutor.userservice.settings.ModelChoice;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

class SettingsValidationTest {

    private final StaticApplicationContext context = new StaticApplicationContext();
    private final SettingsValidation.ValidatedSettings validator =
            SettingsValidation.configurationPropertiesValidator(context);

    @AfterEach
    void close() {
        validator.destroy();
        context.close();
    }

    @Test
    void validatesTheApplicationsSettingsRecordsAndLeavesBootsPropertiesAndNestedValuesAlone() {
        assertThat(validator.supports(ChatSessionProperties.class)).isTrue();
        // Boot's own properties are Boot's to check; a value inside a record is checked through the record (@Valid).
        assertThat(validator.supports(FlywayProperties.class)).isFalse();
        assertThat(validator.supports(ModelChoice.class)).isFalse();
    }

    @Test
    void aBadValueIsAnErrorOnItsComponentWithTheRecordsMessage() {
        ChatSessionProperties bad = new ChatSessionProperties(0);
        Errors errors = new BeanPropertyBindingResult(bad, "app.sessions");

        validator.validate(bad, errors);

        assertThat(errors.getFieldErrors()).singleElement().satisfies(e -> {
            assertThat(e.getField()).isEqualTo("maxPerUser");
            assertThat(e.getDefaultMessage())
                    .isEqualTo("MAX_USER_SESSIONS must be at least 1 (sessions kept per user)");
        });

        Errors none = new BeanPropertyBindingResult(new ChatSessionProperties(10), "app.sessions");
        validator.validate(new ChatSessionProperties(10), none);
        assertThat(none.hasErrors()).isFalse();
    }
}
