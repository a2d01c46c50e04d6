package org.llmtutor.userservice.auth.token;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.user.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows behind {@link TokenStateCache}: one single-statement read each, outside any transaction. */
@Repository
class TokenStateRepository {

    private final JdbcClient jdbc;

    TokenStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TokenStateCache.UserState> findUser(UUID id) {
        return jdbc.sql("SELECT username, role, is_active, token_generation, xp FROM users WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new TokenStateCache.UserState(
                        id,
                        rs.getString(1),
                        Role.fromStored(rs.getString(2)),
                        rs.getBoolean(3),
                        rs.getInt(4),
                        rs.getInt(5)))
                .optional();
    }

    Optional<TokenStateCache.LoginSessionState> findLoginSession(UUID id) {
        return jdbc.sql("SELECT expires_at, revoked_at IS NOT NULL FROM login_sessions WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new TokenStateCache.LoginSessionState(
                        rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBoolean(2)))
                .optional();
    }

    boolean isRevoked(String jti) {
        return jdbc.sql("SELECT count(*) FROM revoked_access_tokens WHERE jti = :jti")
                        .param("jti", jti)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
