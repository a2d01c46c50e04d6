package org.llmtutor.userservice.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** The login answer, field order as the Python service sent it. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("user_id") UUID userId,
        String username) {}
