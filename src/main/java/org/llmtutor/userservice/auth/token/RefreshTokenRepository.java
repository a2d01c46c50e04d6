package org.llmtutor.userservice.auth.token;

import java.time.Instant;
import java.util.Optional;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface RefreshTokenRepository extends Repository<RefreshToken, String>, AggregateInsert<RefreshToken> {

    /** Locks the token so that two refreshes with it, on any instance, are decided one after the other. */
    @NativeQuery("SELECT * FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE")
    Optional<RefreshToken> lockByHash(String hash);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :hash")
    int markUsed(String hash, Instant now);
}
