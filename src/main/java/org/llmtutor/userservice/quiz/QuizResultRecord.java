package org.llmtutor.userservice.quiz;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/** A stored quiz result on the wire. {@code details} is the stored JSON text, written out without re-parsing. */
public record QuizResultRecord(
        UUID id,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("quiz_id") String quizId,
        double score,
        @JsonRawValue String details,
        @JsonProperty("created_at") Instant createdAt) {

    static QuizResultRecord of(QuizResult r) {
        return new QuizResultRecord(
                r.getId(), r.getUserId(), r.getQuizId(), r.getScore(), r.getDetails(), r.getCreatedAt());
    }
}
