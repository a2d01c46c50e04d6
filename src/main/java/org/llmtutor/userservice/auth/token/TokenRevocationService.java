package org.llmtutor.userservice.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.llmtutor.userservice.audit.AuditEventType;
import org.llmtutor.userservice.audit.AuditLog;
import org.llmtutor.userservice.auth.token.jwt.AccessToken;
import org.llmtutor.userservice.auth.token.state.TokenStateCache;
import org.llmtutor.userservice.auth.token.state.TokenStateCheck;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.user.UserService;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends access tokens before they expire, in the database so that every instance agrees: one token (its {@code jti}),
 * all of a user's tokens (the user's token generation), or all tokens of one login session. {@link TokenStateCheck}
 * reads what is written here: this instance refuses the ended tokens as soon as the change commits, the others when
 * PostgreSQL's notification reaches them.
 */
@NamedInterface("revocation")
@Service
public class TokenRevocationService {

    private final RevokedAccessTokenRepository revokedTokens;
    private final UserService users;
    private final LoginSessionRepository loginSessions;
    private final AuditLog audit;
    private final TokenStateCache tokenState;
    private final Clock clock;

    TokenRevocationService(
            RevokedAccessTokenRepository revokedTokens,
            UserService users,
            LoginSessionRepository loginSessions,
            AuditLog audit,
            TokenStateCache tokenState,
            Clock clock) {
        this.revokedTokens = revokedTokens;
        this.users = users;
        this.loginSessions = loginSessions;
        this.audit = audit;
        this.tokenState = tokenState;
        this.clock = clock;
    }

    /** Logs out one access token, and the login session it came from, if any. */
    @Transactional
    public void logout(AccessToken token, String actor, RequestOrigin origin) {
        if (token.tokenId() != null) {
            revokedTokens.revoke(token);
            tokenState.tokenRevoked(token.tokenId());
        }
        if (token.loginSessionId() != null) {
            loginSessions.revoke(token.loginSessionId(), clock.instant(), "logout");
            tokenState.loginSessionEnded(token.loginSessionId());
        }
        audit.record(AuditEventType.LOGOUT, token.userId(), token.username(), actor, origin, null);
    }

    /**
     * Ends every access token and login session of the user. Used by "log out everywhere", password changes and
     * resets, and disabling a user.
     */
    @Transactional
    public void revokeAll(UUID userId, String reason) {
        users.bumpTokenGeneration(userId);
        loginSessions.revokeAll(userId, clock.instant(), reason);
        // The sessions' tokens carry the old generation, so forgetting the user's state is enough here.
        tokenState.userChanged(userId);
    }

    /** Forgets revocations of tokens that have expired anyway, and login sessions long over. */
    @Transactional
    public int purgeExpired() {
        Instant now = clock.instant();
        return revokedTokens.deleteExpiredBefore(now) + loginSessions.deleteExpiredBefore(now);
    }
}
