package org.llmtutor.userservice.auth.token;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginSessionRepository extends JpaRepository<LoginSession, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from LoginSession s where s.id = :id")
    Optional<LoginSession> lockById(UUID id);

    @Query("select s from LoginSession s where s.userId = :userId and s.revokedAt is null and s.expiresAt > :now"
            + " order by s.lastUsedAt desc")
    List<LoginSession> findActive(UUID userId, Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update LoginSession s set s.revokedAt = :now, s.revokeReason = :reason"
            + " where s.userId = :userId and s.revokedAt is null")
    int revokeAll(UUID userId, Instant now, String reason);

    @Modifying
    @Query("delete from LoginSession s where s.expiresAt < :cutoff")
    int deleteExpiredBefore(Instant cutoff);
}
