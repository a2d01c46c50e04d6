package org.llmtutor.userservice.user;

import java.time.Instant;
import java.util.UUID;

/** A user's profile, as {@code GET /auth/me} (the caller's own) and {@code GET /profile/{user_id}} answer it. */
public record UserProfile(UUID id, String username, String role, int xp, Instant createdAt, boolean isActive) {

    public static UserProfile of(User user) {
        return new UserProfile(
                user.getId(),
                user.getUsername(),
                user.getRole().wireName(),
                user.getXp(),
                user.getCreatedAt(),
                user.isActive());
    }
}
