package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.Map;

/**
 * What a UI may offer: the allowed providers, suggested models per provider (any well-formed model name is
 * accepted), and the defaults per service.
 */
public record SettingsCatalog(
        List<String> providers, Map<String, List<String>> models, Map<String, ModelChoice> defaults) {}
