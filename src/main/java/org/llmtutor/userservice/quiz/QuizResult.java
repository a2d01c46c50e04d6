package org.llmtutor.userservice.quiz;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** One graded quiz attempt, as test_generator posts it. Results are never changed once stored. */
@Table("quiz_results")
public class QuizResult {

    @Id
    @Column("id")
    private UUID id;

    @Column("user_id")
    private UUID userId;

    @Column("quiz_id")
    private String quizId;

    @Column("score")
    private double score;

    // The JSON text as is: jsonb on PostgreSQL, JSON on H2. QuizResultInsertImpl binds it the way each database
    // needs; the reads select it as text.
    @Column("details")
    private String details;

    @Column("created_at")
    private Instant createdAt;

    protected QuizResult() {}

    QuizResult(UUID id, UUID userId, String quizId, double score, String details, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.quizId = quizId;
        this.score = score;
        this.details = details;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getQuizId() {
        return quizId;
    }

    public double getScore() {
        return score;
    }

    public String getDetails() {
        return details;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
