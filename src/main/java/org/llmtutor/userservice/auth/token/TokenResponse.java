package org.llmtutor.userservice.auth.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** The login answer, field order as the Python service sent it. */
public record TokenResponse(
        @Schema(example = "eyJhbGciOiJIUzI1NiJ9...") @JsonProperty("access_token")
        String accessToken,

        @Schema(example = "bearer") @JsonProperty("token_type")
        String tokenType,

        @Schema(example = "0b5a3e1c-7f2d-4c1e-9a8b-3d2f1e0c9b8a") @JsonProperty("user_id")
        UUID userId,

        @Schema(example = "alice") String username) {}
