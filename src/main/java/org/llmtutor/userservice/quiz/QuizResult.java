package org.llmtutor.userservice.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One graded quiz attempt, as test_generator posts it. Results are never changed once stored. */
@Entity
@Immutable
@Table(name = "quiz_results")
public final class QuizResult {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "quiz_id")
    private String quizId;

    @Column(name = "score")
    private double score;

    // The JSON text as is: jsonb on PostgreSQL, JSON on H2; Hibernate binds it the way each database needs.
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details")
    private String details;

    @Column(name = "created_at")
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
