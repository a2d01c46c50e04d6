package org.llmtutor.userservice.auth.events;

import java.util.UUID;
import org.llmtutor.userservice.shared.RequestOrigin;

/**
 * A used refresh token was presented again after the grace window: taken as stolen, its login session was ended.
 *
 * @param userId the user the login session belonged to
 */
public record RefreshTokenReused(UUID userId, String username, UUID loginSessionId, RequestOrigin origin) {}
