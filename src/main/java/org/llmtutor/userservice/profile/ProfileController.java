package org.llmtutor.userservice.profile;

import java.util.UUID;
import org.llmtutor.userservice.auth.Caller;
import org.llmtutor.userservice.shared.InvalidInputException;
import org.llmtutor.userservice.user.UserProfile;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/profile")
class ProfileController {

    /** Kept as a JSON node so that only a JSON integer passes: Jackson would otherwise accept "5" or 5.7 for an int. */
    record AddXp(JsonNode amount) {}

    record Xp(int xp) {}

    record XpAdded(String status, int newXp) {}

    private final ProfileService profiles;
    private final ProfileProperties properties;

    ProfileController(ProfileService profiles, ProfileProperties properties) {
        this.profiles = profiles;
        this.properties = properties;
    }

    @GetMapping("/{user_id}")
    UserProfile profile(@AuthenticationPrincipal Caller caller, @PathVariable("user_id") UUID userId) {
        return profiles.profile(caller, userId);
    }

    @GetMapping("/{user_id}/xp")
    Xp xp(@AuthenticationPrincipal Caller caller, @PathVariable("user_id") UUID userId) {
        return new Xp(profiles.xp(caller, userId));
    }

    @PostMapping(value = "/{user_id}/add_xp", consumes = MediaType.APPLICATION_JSON_VALUE)
    XpAdded addXp(
            @AuthenticationPrincipal Caller caller, @PathVariable("user_id") UUID userId, @RequestBody AddXp body) {
        return new XpAdded("success", profiles.addXp(caller, userId, amount(body.amount())));
    }

    private int amount(JsonNode amount) {
        if (amount == null || amount.isNull()) {
            throw InvalidInputException.of("amount", "is required");
        }
        if (!amount.isIntegralNumber()) {
            throw InvalidInputException.of("amount", "must be an integer");
        }
        int max = properties.maxXpPerAdd();
        if (!amount.canConvertToInt() || amount.intValue() < 1 || amount.intValue() > max) {
            throw InvalidInputException.of("amount", "must be between 1 and " + max);
        }
        return amount.intValue();
    }
}
