package org.llmtutor.userservice.quiz;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/** A stored quiz result on the wire. {@code details} is the stored JSON text, written out without re-parsing. */
public record QuizResultRecord(
        UUID id,
        UUID userId,
        String quizId,
        double score,
        @JsonRawValue String details,
        Instant createdAt) {

    static QuizResultRecord of(QuizResult r) {
        return new QuizResultRecord(
                r.getId(), r.getUserId(), r.getQuizId(), r.getScore(), r.getDetails(), r.getCreatedAt());
    }
}
