package org.llmtutor.userservice.settings;

import java.util.Map;
import java.util.UUID;
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

    record Status(String status) {
        static final Status SUCCESS = new Status("success");
    }

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/catalog")
    Map<String, Object> catalog() {
        return settings.catalog();
    }

    @GetMapping("/{user_id}")
    Map<String, Object> get(@PathVariable("user_id") UUID userId) {
        return settings.get(userId);
    }

    /** Replaces the stored set; answers only the status, as the Python service did. */
    @PostMapping("/{user_id}")
    Status replace(@PathVariable("user_id") UUID userId, @RequestBody JsonNode body) {
        settings.replace(userId, body);
        return Status.SUCCESS;
    }

    @PatchMapping("/{user_id}")
    Map<String, Object> merge(@PathVariable("user_id") UUID userId, @RequestBody JsonNode body) {
        return settings.merge(userId, body);
    }
}
