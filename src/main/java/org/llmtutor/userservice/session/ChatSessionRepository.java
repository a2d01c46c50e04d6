package org.llmtutor.userservice.session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface ChatSessionRepository extends Repository<ChatSession, UUID>, AggregateInsert<ChatSession> {

    Optional<ChatSession> findBySessionId(String sessionId);

    /** The user's sessions, newest first (ties broken by id): one statement, outside any transaction. */
    @Query("select s from ChatSession s where s.userId = :userId order by s.createdAt desc, s.id desc"
            + " limit :limit offset :offset")
    List<ChatSession> findPage(UUID userId, int limit, int offset);

    default List<ChatSessionRecord> findNewestFirst(UUID userId, int limit, int offset) {
        return findPage(userId, limit, offset).stream()
                .map(ChatSessionRecord::of)
                .toList();
    }

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE chat_sessions SET title = :title WHERE id = :id")
    int rename(UUID id, String title);

    void deleteById(UUID id);

    /** Deletes the user's sessions beyond the newest {@code keep} (oldest first out; ties broken by id). */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("DELETE FROM chat_sessions WHERE id IN (SELECT id FROM chat_sessions WHERE user_id = :userId"
            + " ORDER BY created_at DESC, id DESC OFFSET :keep ROWS)")
    int deleteBeyondNewest(UUID userId, int keep);
}
