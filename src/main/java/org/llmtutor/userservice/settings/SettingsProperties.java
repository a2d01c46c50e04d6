package org.llmtutor.userservice.settings;

import jakarta.validation.constraints.NotEmpty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param providers the providers a user may choose ({@code SETTINGS_PROVIDERS}); anything else is refused
 * @param defaults per service key, what GET answers for a service the user never stored
 * @param models per provider, models suggested to UIs (the catalog); any well-formed model name is accepted.
 *     Suggestions for providers not in {@code providers} are left out, so that narrowing SETTINGS_PROVIDERS alone works.
 */
@ConsistentDefaults
@ConfigurationProperties("app.settings")
public record SettingsProperties(
        @NotEmpty(message = "SETTINGS_PROVIDERS must name at least one LLM provider")
        List<String> providers,

        Map<String, ModelChoice> defaults,
        Map<String, List<String>> models) {

    /** Blank entries of a comma-separated SETTINGS_PROVIDERS are dropped; missing maps are empty. */
    public SettingsProperties {
        providers = providers == null
                ? List.of()
                : providers.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        models = models == null ? Map.of() : Map.copyOf(models);
    }

    ModelChoice defaultFor(ServiceType service) {
        return defaults.get(service.key());
    }

    /** Suggested models for every allowed provider, in provider order (an empty list where none are configured). */
    Map<String, List<String>> suggestedModels() {
        return providers.stream()
                .collect(Collectors.toMap(
                        p -> p, p -> models.getOrDefault(p, List.of()), (a, b) -> a, LinkedHashMap::new));
    }
}
