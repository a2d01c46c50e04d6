package org.llmtutor.userservice.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.events.LoggedOut;
import org.llmtutor.userservice.auth.events.LoggedOutEverywhere;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.user.UserService;
import org.springframework.context.ApplicationEventPublisher;
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
    private final TokenStateCache tokenState;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TokenRevocationService(
            RevokedAccessTokenRepository revokedTokens,
            UserService users,
            LoginSessionRepository loginSessions,
            TokenStateCache tokenState,
            ApplicationEventPublisher events,
            Clock clock) {
        this.revokedTokens = revokedTokens;
        this.users = users;
        this.loginSessions = loginSessions;
        this.tokenState = tokenState;
        this.events = events;
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
        events.publishEvent(new LoggedOut(token.userId(), token.username(), actor, origin));
    }

    /** "Log out everywhere": the user ends every token and login session of theirs. */
    @Transactional
    public void logoutEverywhere(CurrentUser user, RequestOrigin origin) {
        revokeAll(user.id(), "logout-all");
        events.publishEvent(new LoggedOutEverywhere(user.id(), user.username(), origin));
    }

    /**
     * Ends every access token and login session of the user. Used by "log out everywhere", password changes and
     * resets, and disabling a user; the caller publishes what it was.
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
