package org.llmtutor.userservice.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtutor.userservice.support.AppInstance;
import tools.jackson.databind.json.JsonMapper;

/** The settings configuration: operators can change it by environment variable, and a broken one stops start-up. */
class SettingsPropertiesIT {

    private static final Map<String, ModelChoice> DEFAULTS = Map.of(
            "agent", new ModelChoice("zai", "glm-4.6v"),
            "rag", new ModelChoice("openai", "gpt-4o-mini"),
            "quiz", new ModelChoice("openai", "gpt-4o-mini"));

    @TempDir
    Path dataDir;

    @Test
    void providersAndDefaultsComeFromTheEnvironmentVariablesAndOtherProvidersAreRefused() {
        try (AppInstance app = AppInstance.start(
                "app.data-dir=" + dataDir, "SETTINGS_PROVIDERS=zai, openai", "SETTINGS_RAG_MODEL=gpt-4.1")) {
            SettingsProperties settings = app.bean(SettingsProperties.class);

            assertThat(settings.providers()).containsExactly("zai", "openai");
            assertThat(settings.defaultFor(ServiceType.RAG)).isEqualTo(new ModelChoice("openai", "gpt-4.1"));
            assertThat(settings.suggestedModels()).containsOnlyKeys("zai", "openai");
            SettingsValidator validator = app.bean(SettingsValidator.class);
            assertThatThrownBy(() -> validator.patch(JsonMapper.builder()
                            .build()
                            .readTree("{\"agent\":{\"provider\":\"mistral\",\"model\":\"m\"}}")))
                    .hasMessageContaining("agent.provider must be one of zai, openai");
        }
    }

    @Test
    void aDefaultProviderThatIsNotAllowedRefusesToStart() {
        assertThatThrownBy(() -> AppInstance.start("app.data-dir=" + dataDir, "SETTINGS_PROVIDERS=zai"))
                .rootCause()
                .hasMessageContaining("The default provider of rag (openai) is not one of SETTINGS_PROVIDERS [zai]");
    }

    @Test
    void noProvidersAtAllIsRefused() {
        assertThat(problems(new SettingsProperties(List.of(" "), DEFAULTS, Map.of())))
                .contains("SETTINGS_PROVIDERS must name at least one");
    }

    @Test
    void aMalformedDefaultModelIsRefused() {
        Map<String, ModelChoice> defaults = new HashMap<>(DEFAULTS);
        defaults.put("quiz", new ModelChoice("openai", "gpt 4o"));

        assertThat(problems(new SettingsProperties(List.of("zai", "openai"), defaults, Map.of())))
                .contains("default model of quiz");
    }

    @Test
    void aMissingOrUnknownServiceDefaultIsRefused() {
        Map<String, ModelChoice> missing = new HashMap<>(DEFAULTS);
        missing.remove("agent");
        Map<String, ModelChoice> unknown = new HashMap<>(DEFAULTS);
        unknown.put("agnet", new ModelChoice("zai", "glm-4.6v"));

        assertThat(problems(new SettingsProperties(List.of("zai", "openai"), missing, Map.of())))
                .contains("app.settings.defaults.agent must give a provider and a model");
        assertThat(problems(new SettingsProperties(List.of("zai", "openai"), unknown, Map.of())))
                .contains("unknown services [agnet]");
    }

    @Test
    void configuredValuesAreReportedVerbatimNotReadAsMessageTemplates() {
        Map<String, ModelChoice> defaults = new HashMap<>(DEFAULTS);
        defaults.put("quiz", new ModelChoice("openai", "{max} ${1+1}"));

        assertThat(problems(new SettingsProperties(List.of("zai", "openai"), defaults, Map.of())))
                .contains("The default model of quiz ({max} ${1+1}) is not a valid model name");
    }

    /** What start-up would refuse: the same Bean Validation that {@code shared.SettingsValidation} runs on the bound settings. */
    private static String problems(SettingsProperties settings) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator().validate(settings).stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted()
                    .collect(Collectors.joining("\n"));
        }
    }
}
