package org.llmtutor.userservice.auth;

import java.time.Instant;
import java.util.UUID;

/** The claims of a verified access token that the service relies on. */
public record AccessToken(String username, UUID userId, String tokenId, Instant expiresAt) {}
