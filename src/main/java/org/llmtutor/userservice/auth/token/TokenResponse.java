package org.llmtutor.userservice.auth.token;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** The login answer, field order as the Python service sent it. */
public record TokenResponse(
        @Schema(example = "eyJhbGciOiJIUzI1NiJ9...") String accessToken,

        @Schema(example = "bearer") String tokenType,

        @Schema(example = "0b5a3e1c-7f2d-4c1e-9a8b-3d2f1e0c9b8a")
        UUID userId,

        @Schema(example = "alice") String username) {}
