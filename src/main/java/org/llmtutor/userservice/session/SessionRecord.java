package org.llmtutor.userservice.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A session as the Python service answered it, fields in the same order. */
public record SessionRecord(
        @JsonProperty("session_id") String sessionId,
        String title,
        UUID id,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("created_at") Instant createdAt) {

    static SessionRecord of(ChatSession s) {
        return new SessionRecord(s.getSessionId(), s.getTitle(), s.getId(), s.getUserId(), s.getCreatedAt());
    }
}
