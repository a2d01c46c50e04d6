package org.llmtutor.userservice.auth.token;

import java.time.Clock;
import java.util.Optional;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides whether a verified access token still speaks for its user: the user must exist, be active
 * and carry the token's username; the token must not have been ended, by generation (logout-all, password change or
 * reset, disable), by its login session, or by its own {@code jti} (logout). The role is the user's current one, so a
 * role change applies at once. Everything the bearer chain knows about token state comes from here.
 */
@Component
public class TokenStateCheck {

    private final UserService users;
    private final LoginSessionRepository loginSessions;
    private final JdbcClient jdbc;
    private final Clock clock;

    TokenStateCheck(UserService users, LoginSessionRepository loginSessions, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.loginSessions = loginSessions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The caller this token stands for, or empty when it no longer stands for anyone. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> callerOf(AccessToken token) {
        return users.findById(token.userId())
                .filter(u -> u.isActive() && u.getUsername().equals(token.username()))
                .filter(u -> !isEnded(token, u))
                .map(u -> new CurrentUser(u.getId(), u.getUsername(), u.getRole()));
    }

    private boolean isEnded(AccessToken token, User user) {
        if (token.generation() != user.getTokenGeneration()) {
            return true;
        }
        if (token.loginSessionId() != null && !loginSessions.isActive(token.loginSessionId(), clock.instant())) {
            return true;
        }
        return token.tokenId() != null
                && jdbc.sql("SELECT count(*) FROM revoked_access_tokens WHERE jti = :jti")
                                .param("jti", token.tokenId())
                                .query(Integer.class)
                                .single()
                        > 0;
    }
}
