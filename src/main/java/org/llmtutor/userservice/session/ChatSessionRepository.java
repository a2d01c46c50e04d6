package org.llmtutor.userservice.session;

import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.common.AggregateInsert;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ChatSessionRepository
        extends Repository<ChatSession, UUID>, AggregateInsert<ChatSession>, ChatSessionListQuery {

    Optional<ChatSession> findBySessionId(String sessionId);

    @Modifying
    @Query("UPDATE chat_sessions SET title = :title WHERE id = :id")
    int rename(UUID id, String title);

    void deleteById(UUID id);

    /** Deletes the user's sessions beyond the newest {@code keep} (oldest first out; ties broken by id). */
    @Modifying
    @Query("DELETE FROM chat_sessions WHERE id IN (SELECT id FROM chat_sessions WHERE user_id = :userId"
            + " ORDER BY created_at DESC, id DESC OFFSET :keep ROWS)")
    int deleteBeyondNewest(UUID userId, int keep);
}
