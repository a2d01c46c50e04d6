package org.llmtutor.userservice.session;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChatSessionRepository extends JpaRepository<ChatSession, UUID>, ChatSessionListQuery {

    Optional<ChatSession> findBySessionId(String sessionId);

    /** Deletes the user's sessions beyond the newest {@code keep} (oldest first out; ties broken by id). */
    @Modifying
    @Query(
            value = "DELETE FROM chat_sessions WHERE id IN (SELECT id FROM chat_sessions WHERE user_id = :userId"
                    + " ORDER BY created_at DESC, id DESC OFFSET :keep ROWS)",
            nativeQuery = true)
    int deleteBeyondNewest(UUID userId, int keep);
}
