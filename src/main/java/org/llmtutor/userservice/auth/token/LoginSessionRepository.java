package org.llmtutor.userservice.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface LoginSessionRepository extends Repository<LoginSession, UUID>, AggregateInsert<LoginSession> {

    /** Locks the session so that refreshes and ends of one family, on any instance, run one after the other. */
    @NativeQuery("SELECT * FROM login_sessions WHERE id = :id FOR UPDATE")
    Optional<LoginSession> lockById(UUID id);

    @Query("select s from LoginSession s where s.userId = :userId and s.revokedAt is null and s.expiresAt > :now"
            + " order by s.lastUsedAt desc")
    List<LoginSession> findActive(UUID userId, Instant now);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE login_sessions SET last_used_at = :now WHERE id = :id")
    int touch(UUID id, Instant now);

    /** Ends the session unless it has ended already (the first reason stays). */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery(
            "UPDATE login_sessions SET revoked_at = :now, revoke_reason = :reason WHERE id = :id AND revoked_at IS NULL")
    int revoke(UUID id, Instant now, String reason);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE login_sessions SET revoked_at = :now, revoke_reason = :reason"
            + " WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAll(UUID userId, Instant now, String reason);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("DELETE FROM login_sessions WHERE expires_at < :cutoff")
    int deleteExpiredBefore(Instant cutoff);
}
