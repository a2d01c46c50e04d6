package org.llmtutor.userservice.auth.token;

import java.time.Instant;
import java.util.UUID;

/**
 * The claims of a verified access token that the service relies on.
 *
 * @param generation the user's token generation when issued (0 for tokens of the Python era)
 * @param loginSessionId the refresh-token family the token came from, or null for a plain login
 */
public record AccessToken(
        String username, UUID userId, String tokenId, Instant expiresAt, int generation, UUID loginSessionId) {}
