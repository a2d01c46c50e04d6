package org.llmtutor.userservice.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface ChatSessionRepository extends Repository<ChatSession, UUID> {

    Optional<ChatSession> findBySessionId(String sessionId);

    /**
     * The user's sessions, newest first (ties broken by id): one statement, outside any transaction, read straight into
     * the records the API answers (no entities to build and register for a read that changes nothing).
     */
    @Query("select new org.llmtutor.userservice.session.ChatSessionRecord(s.sessionId, s.title, s.id, s.userId,"
            + " s.createdAt) from ChatSession s where s.userId = :userId order by s.createdAt desc, s.id desc"
            + " limit :limit offset :offset")
    List<ChatSessionRecord> findNewestFirst(UUID userId, int limit, int offset);

    /**
     * Adds the session unless its session_id is taken meanwhile (by another user's request between the check and this
     * statement): {@code ON CONFLICT DO NOTHING} answers that with 0 rather than a failed statement.
     *
     * @return 1 when inserted, 0 when the session_id exists already
     */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("INSERT INTO chat_sessions (id, user_id, session_id, title, created_at)"
            + " VALUES (:id, :userId, :sessionId, :title, :createdAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(UUID id, UUID userId, String sessionId, String title, Instant createdAt);

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
