package org.llmtutor.userservice.auth.token;

import java.time.Instant;
import java.util.UUID;
import org.llmtutor.userservice.auth.token.jwt.AccessToken;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Access tokens logged out before they expire, by {@code jti}; kept only until they would have expired anyway. */
interface RevokedAccessTokenRepository extends Repository<RevokedAccessToken, String> {

    /** Records the token as revoked; a second logout of the same token changes nothing. */
    default void revoke(AccessToken token) {
        insertIfAbsent(token.tokenId(), token.userId(), token.expiresAt());
    }

    /** Native for {@code ON CONFLICT DO NOTHING}: two logouts with one token must not fail the second. */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("INSERT INTO revoked_access_tokens (jti, user_id, expires_at) VALUES (:jti, :userId, :expiresAt)"
            + " ON CONFLICT DO NOTHING")
    int insertIfAbsent(String jti, UUID userId, Instant expiresAt);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("DELETE FROM revoked_access_tokens WHERE expires_at < :cutoff")
    int deleteExpiredBefore(Instant cutoff);
}
