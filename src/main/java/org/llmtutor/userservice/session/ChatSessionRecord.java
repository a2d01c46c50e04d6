package org.llmtutor.userservice.session;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A chat session as the Python service answered it, fields in the same order. The API document keeps calling it
 * {@code SessionRecord}, the name clients' generated code may already use.
 */
@Schema(name = "SessionRecord")
public record ChatSessionRecord(
        @Schema(example = "alice_0a1b2c3d") String sessionId,

        @Schema(example = "Chat 2026-01-20 10:15") String title,
        UUID id,

        @Schema(example = "0b5a3e1c-7f2d-4c1e-9a8b-3d2f1e0c9b8a")
        UUID userId,

        @Schema(example = "2026-01-20T10:15:30.123456Z") Instant createdAt) {

    static ChatSessionRecord of(ChatSession s) {
        return new ChatSessionRecord(s.getSessionId(), s.getTitle(), s.getId(), s.getUserId(), s.getCreatedAt());
    }
}
