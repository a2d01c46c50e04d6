package org.llmtutor.userservice.auth.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** The login answer plus a refresh token, for clients that ask for one ({@code POST /auth/token}). */
public record TokenPairResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("user_id") UUID userId,
        String username,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn) {}
