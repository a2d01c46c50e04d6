package org.llmtutor.userservice.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The settings as the Web UI reads them: {@code {}} when nothing is stored, otherwise all three services (defaults
 * filling those never stored) and {@code identityId} when one is set. The UI replaces its whole state with a
 * non-empty answer, so a partial map would break it. {@code identityId} is the one camelCase name of the API (the Web UI
 * has always sent and read it so); every other field follows the snake_case naming strategy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SettingsMap(
        ModelChoice agent,
        ModelChoice rag,
        ModelChoice quiz,
        // camelCase on the wire, against the naming strategy: the Web UI has always sent and read it so
        @JsonProperty("identityId") String identityId) {

    static final SettingsMap EMPTY = new SettingsMap(null, null, null, null);
}
