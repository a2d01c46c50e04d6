package org.llmtutor.userservice.settings;

import java.util.Arrays;
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
@ConfigurationProperties("app.settings")
public record SettingsProperties(
        List<String> providers, Map<String, ModelChoice> defaults, Map<String, List<String>> models) {

    public SettingsProperties {
        providers = providers == null
                ? List.of()
                : providers.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        models = models == null ? Map.of() : Map.copyOf(models);
        if (providers.isEmpty()) {
            throw new IllegalStateException("SETTINGS_PROVIDERS must name at least one LLM provider");
        }
        for (ServiceType service : ServiceType.values()) {
            ModelChoice d = defaults.get(service.key());
            if (d == null || d.provider() == null || d.model() == null) {
                throw new IllegalStateException("app.settings.defaults." + service.key()
                        + " must give a provider and a model (the default for users who stored none)");
            }
            if (!providers.contains(d.provider())) {
                throw new IllegalStateException("The default provider of " + service.key() + " (" + d.provider()
                        + ") is not one of SETTINGS_PROVIDERS " + providers);
            }
            if (!SettingsValidator.isWellFormedModel(d.model())) {
                throw new IllegalStateException(
                        "The default model of " + service.key() + " (" + d.model() + ") is not a valid model name");
            }
        }
        List<String> unknownServices = defaults.keySet().stream()
                .filter(k -> ServiceType.fromKey(k).isEmpty())
                .toList();
        if (!unknownServices.isEmpty()) {
            throw new IllegalStateException("app.settings.defaults names unknown services " + unknownServices
                    + "; known: "
                    + Arrays.stream(ServiceType.values()).map(ServiceType::key).toList());
        }
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
