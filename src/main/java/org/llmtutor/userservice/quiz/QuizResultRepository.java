package org.llmtutor.userservice.quiz;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface QuizResultRepository extends Repository<QuizResult, UUID>, QuizResultInsert {

    /** Count, mean and best score in one pass; the aggregates are null when there is nothing to aggregate. */
    record Aggregate(long count, Double average, Double best) {}

    /** Newest first, ties broken by id; {@code quizId} null means every quiz. The JSON column is read as its text. */
    @Query("SELECT id, user_id, quiz_id, score, CAST(details AS VARCHAR) AS details, created_at FROM quiz_results"
            + " WHERE user_id = :userId AND (CAST(:quizId AS VARCHAR) IS NULL OR quiz_id = :quizId)"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<QuizResult> findNewestFirst(UUID userId, String quizId, int limit, int offset);

    @Query("SELECT count(*) AS count, avg(score) AS average, max(score) AS best FROM quiz_results"
            + " WHERE user_id = :userId AND (CAST(:quizId AS VARCHAR) IS NULL OR quiz_id = :quizId)")
    Aggregate aggregate(UUID userId, String quizId);
}
