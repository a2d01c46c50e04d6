package org.llmtutor.userservice.auth.token;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Access tokens logged out before they expire, by {@code jti}; kept only until they would have expired anyway. */
@Repository
class RevokedAccessTokenRepository {

    private final JdbcClient jdbc;

    RevokedAccessTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the token as revoked; a second logout of the same token changes nothing. */
    void revoke(AccessToken token) {
        jdbc.sql("INSERT INTO revoked_access_tokens (jti, user_id, expires_at) VALUES (:jti, :u, :exp)"
                        + " ON CONFLICT DO NOTHING")
                .param("jti", token.tokenId())
                .param("u", token.userId())
                .param("exp", token.expiresAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM revoked_access_tokens WHERE expires_at < :now")
                .param("now", cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }
}
