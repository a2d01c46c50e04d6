package org.llmtutor.userservice.auth.token;

import java.time.Instant;
import java.util.Optional;
import org.llmtutor.userservice.common.AggregateInsert;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface RefreshTokenRepository extends Repository<RefreshToken, String>, AggregateInsert<RefreshToken> {

    /** Locks the token so that two refreshes with it, on any instance, are decided one after the other. */
    @Query("SELECT * FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE")
    Optional<RefreshToken> lockByHash(String hash);

    @Modifying
    @Query("UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :hash")
    int markUsed(String hash, Instant now);
}
