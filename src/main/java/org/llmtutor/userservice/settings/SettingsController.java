package org.llmtutor.userservice.settings;

import java.util.UUID;
import org.llmtutor.userservice.auth.Caller;
import org.llmtutor.userservice.shared.StatusResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/settings")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    /** A literal path, so Spring MVC prefers it to {@code /{user_id}}; any valid credential may read it. */
    @GetMapping("/catalog")
    SettingsCatalog catalog() {
        return settings.catalog();
    }

    @GetMapping("/{user_id}")
    SettingsMap get(@AuthenticationPrincipal Caller caller, @PathVariable("user_id") UUID userId) {
        return settings.get(caller, userId);
    }

    /** The body is read as a tree so that every bad key and value can be named in one 422. */
    @PostMapping(value = "/{user_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    StatusResponse replace(
            @AuthenticationPrincipal Caller caller, @PathVariable("user_id") UUID userId, @RequestBody JsonNode body) {
        settings.replace(caller, userId, body);
        return StatusResponse.SUCCESS;
    }

    @PatchMapping(
            value = "/{user_id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    SettingsMap patch(
            @AuthenticationPrincipal Caller caller, @PathVariable("user_id") UUID userId, @RequestBody JsonNode body) {
        return settings.patch(caller, userId, body);
    }
}
