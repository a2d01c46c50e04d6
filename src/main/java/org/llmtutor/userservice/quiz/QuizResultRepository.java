package org.llmtutor.userservice.quiz;

import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface QuizResultRepository extends Repository<QuizResult, UUID>, AggregateInsert<QuizResult> {

    /** Count, mean and best score in one pass; the aggregates are null when there is nothing to aggregate. */
    record Aggregate(long count, Double average, Double best) {}

    /** Newest first, ties broken by id; {@code quizId} null means every quiz. Read straight into the records. */
    @Query("select new org.llmtutor.userservice.quiz.QuizResultRecord(r.id, r.userId, r.quizId, r.score, r.details,"
            + " r.createdAt) from QuizResult r where r.userId = :userId and (:quizId is null or r.quizId = :quizId)"
            + " order by r.createdAt desc, r.id desc limit :limit offset :offset")
    List<QuizResultRecord> findNewestFirst(UUID userId, String quizId, int limit, int offset);

    /** One row: count, mean, best, typed by Hibernate (Long, Double, Double). */
    @Query("select count(r), avg(r.score), max(r.score) from QuizResult r"
            + " where r.userId = :userId and (:quizId is null or r.quizId = :quizId)")
    List<Object[]> aggregateColumns(UUID userId, String quizId);

    default Aggregate aggregate(UUID userId, String quizId) {
        Object[] row = aggregateColumns(userId, quizId).get(0);
        return new Aggregate(((Number) row[0]).longValue(), (Double) row[1], (Double) row[2]);
    }
}
