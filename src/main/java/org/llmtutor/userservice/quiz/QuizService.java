package org.llmtutor.userservice.quiz;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.auth.AccessGuard;
import org.llmtutor.userservice.auth.AccessGuard.Data;
import org.llmtutor.userservice.auth.Caller;
import org.llmtutor.userservice.user.UserNotFoundException;
import org.llmtutor.userservice.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class QuizService {

    private final QuizResultRepository results;
    private final UserService users;
    private final AccessGuard guard;
    private final Clock clock;

    QuizService(QuizResultRepository results, UserService users, AccessGuard guard, Clock clock) {
        this.results = results;
        this.users = users;
        this.guard = guard;
        this.clock = clock;
    }

    /** @param details JSON text of an object or array, or null */
    @Transactional
    public QuizResultRecord record(Caller caller, UUID userId, String quizId, double score, String details) {
        guard.checkWrite(caller, Data.QUIZ, userId);
        requireUser(userId);
        QuizResult result = new QuizResult(
                UUID.randomUUID(),
                userId,
                quizId,
                score,
                details,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        results.insert(result);
        return QuizResultRecord.of(result);
    }

    @Transactional(readOnly = true)
    public List<QuizResultRecord> list(Caller caller, UUID userId, String quizId, int limit, int offset) {
        guard.checkRead(caller, Data.QUIZ, userId);
        requireUser(userId);
        return results.findNewestFirst(userId, quizId, limit, offset);
    }

    /** Repeatable read: the aggregates and the last result come from the same snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public QuizStats stats(Caller caller, UUID userId, String quizId) {
        guard.checkRead(caller, Data.QUIZ, userId);
        requireUser(userId);
        QuizResultRepository.Aggregate aggregate = results.aggregate(userId, quizId);
        QuizResultRecord last = results.findNewestFirst(userId, quizId, 1, 0).stream()
                .findFirst()
                .orElse(null);
        return new QuizStats(aggregate.count(), aggregate.average(), aggregate.best(), last);
    }

    /** An unknown user answers 404 rather than an empty list, as the other per-user endpoints do. */
    private void requireUser(UUID userId) {
        if (!users.existsById(userId)) {
            throw new UserNotFoundException();
        }
    }
}
