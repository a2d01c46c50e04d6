package org.llmtutor.userservice.profile;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxXpPerAdd the largest amount one add_xp call may add ({@code MAX_XP_PER_ADD}) */
@ConfigurationProperties("app.profile")
public record ProfileProperties(
        @Min(value = 1, message = "MAX_XP_PER_ADD must be at least 1 (largest XP amount one call adds)")
        int maxXpPerAdd) {}
