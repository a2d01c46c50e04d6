package org.llmtutor.userservice.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.common.AggregateInsert;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface LoginSessionRepository extends Repository<LoginSession, UUID>, AggregateInsert<LoginSession> {

    /** Locks the session so that refreshes and ends of one family, on any instance, run one after the other. */
    @Query("SELECT * FROM login_sessions WHERE id = :id FOR UPDATE")
    Optional<LoginSession> lockById(UUID id);

    @Query("SELECT * FROM login_sessions WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now"
            + " ORDER BY last_used_at DESC")
    List<LoginSession> findActive(UUID userId, Instant now);

    @Modifying
    @Query("UPDATE login_sessions SET last_used_at = :now WHERE id = :id")
    int touch(UUID id, Instant now);

    /** Ends the session unless it has ended already (the first reason stays). */
    @Modifying
    @Query("UPDATE login_sessions SET revoked_at = :now, revoke_reason = :reason WHERE id = :id AND revoked_at IS NULL")
    int revoke(UUID id, Instant now, String reason);

    @Modifying
    @Query("UPDATE login_sessions SET revoked_at = :now, revoke_reason = :reason"
            + " WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAll(UUID userId, Instant now, String reason);

    @Modifying
    @Query("DELETE FROM login_sessions WHERE expires_at < :cutoff")
    int deleteExpiredBefore(Instant cutoff);
}
