package org.llmtutor.userservice.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxXpPerAdd the largest amount one add_xp call may add ({@code MAX_XP_PER_ADD}) */
@ConfigurationProperties("app.profile")
public record ProfileProperties(int maxXpPerAdd) {

    public ProfileProperties {
        if (maxXpPerAdd < 1) {
            throw new IllegalStateException(
                    "MAX_XP_PER_ADD must be at least 1 (largest XP amount one call adds), got " + maxXpPerAdd);
        }
    }
}
