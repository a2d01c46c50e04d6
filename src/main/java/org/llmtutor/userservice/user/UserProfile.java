package org.llmtutor.userservice.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** The caller's own profile, as {@code GET /auth/me} answers it. */
public record UserProfile(
        UUID id,
        String username,
        String role,
        int xp,
        @JsonProperty("created_at") Instant createdAt) {

    public static UserProfile of(User user) {
        return new UserProfile(
                user.getId(), user.getUsername(), user.getRole().wireName(), user.getXp(), user.getCreatedAt());
    }
}
