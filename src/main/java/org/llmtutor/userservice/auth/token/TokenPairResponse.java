package org.llmtutor.userservice.auth.token;

import java.util.UUID;

/** The login answer plus a refresh token, for clients that ask for one ({@code POST /auth/token}). */
public record TokenPairResponse(
        String accessToken,
        String tokenType,
        UUID userId,
        String username,
        String refreshToken,
        long expiresIn,
        long refreshExpiresIn) {}
