package org.llmtutor.userservice.quiz;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QuizResultRepository extends JpaRepository<QuizResult, UUID> {

    /** Count, mean and best score in one pass; the aggregates are null when there is nothing to aggregate. */
    interface Aggregate {
        long getCount();

        Double getAverage();

        Double getBest();
    }

    /** Newest first, ties broken by id; {@code quizId} null means every quiz. */
    @Query(
            value = "SELECT * FROM quiz_results WHERE user_id = :userId"
                    + " AND (CAST(:quizId AS VARCHAR) IS NULL OR quiz_id = :quizId)"
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset",
            nativeQuery = true)
    List<QuizResult> findNewestFirst(UUID userId, String quizId, int limit, int offset);

    @Query(
            value = "SELECT count(*) AS count, avg(score) AS average, max(score) AS best FROM quiz_results"
                    + " WHERE user_id = :userId AND (CAST(:quizId AS VARCHAR) IS NULL OR quiz_id = :quizId)",
            nativeQuery = true)
    Aggregate aggregate(UUID userId, String quizId);
}
