package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the settings API accepts and answers by default.
 *
 * @param providers the LLM providers a setting may name ({@code SETTINGS_PROVIDERS}, comma separated)
 * @param defaults per service, the provider and model answered while the user has stored none for it
 * @param suggestedModels per provider, models a UI may offer (any model matching the pattern is accepted)
 */
@ConfigurationProperties("app.settings")
public record SettingsProperties(
        List<String> providers, Map<String, ServiceSetting> defaults, Map<String, List<String>> suggestedModels) {

    public SettingsProperties {
        if (providers == null || providers.isEmpty()) {
            throw new IllegalStateException("SETTINGS_PROVIDERS must name at least one provider");
        }
        providers = List.copyOf(providers);
        suggestedModels = suggestedModels == null ? Map.of() : Map.copyOf(suggestedModels);
        for (String service : SettingsService.SERVICES) {
            ServiceSetting fallback = defaults == null ? null : defaults.get(service);
            if (fallback == null || !providers.contains(fallback.provider())) {
                throw new IllegalStateException("app.settings.defaults." + service
                        + " must name a provider from SETTINGS_PROVIDERS " + providers + " and a model");
            }
        }
        defaults = Map.copyOf(defaults);
    }
}
