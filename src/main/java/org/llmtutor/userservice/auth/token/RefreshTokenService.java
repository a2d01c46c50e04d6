package org.llmtutor.userservice.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.events.LoginSessionEnded;
import org.llmtutor.userservice.auth.events.RefreshTokenReused;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens with rotation: each works once and is replaced by a new one in the same login session (family). A
 * token presented again after its use is treated as stolen and ends the whole family, except within a short grace
 * window, where two tabs refreshing at once each get a fresh token.
 */
@Service
public class RefreshTokenService {

    static final String PREFIX = "rt_";
    static final String INVALID = "Invalid refresh token";

    private final RefreshTokenRepository tokens;
    private final LoginSessionRepository loginSessions;
    private final UserService users;
    private final JwtService jwt;
    private final TokenProperties properties;
    private final TokenStateCache tokenState;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RefreshTokenService(
            RefreshTokenRepository tokens,
            LoginSessionRepository loginSessions,
            UserService users,
            JwtService jwt,
            TokenProperties properties,
            TokenStateCache tokenState,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tokens = tokens;
        this.loginSessions = loginSessions;
        this.users = users;
        this.jwt = jwt;
        this.properties = properties;
        this.tokenState = tokenState;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a login session for a user who just proved their password, from the given origin. */
    @Transactional
    public TokenPairResponse startLoginSession(User user, RequestOrigin origin) {
        Instant now = now();
        LoginSession session = loginSessions.insert(new LoginSession(
                UUID.randomUUID(),
                user.getId(),
                now,
                now.plus(properties.refreshLifetime()),
                origin.userAgent(),
                origin.address()));
        return issue(user, session, now);
    }

    /** Trades a refresh token for a new access token and a new refresh token. */
    @Transactional(noRollbackFor = InvalidRefreshTokenException.class)
    public TokenPairResponse refresh(String refreshToken, RequestOrigin origin) {
        Instant now = now();
        String hash = OpaqueTokens.hash(refreshToken);
        RefreshToken token = tokens.lockByHash(hash).orElseThrow(RefreshTokenService::invalid);
        LoginSession session = loginSessions
                .lockById(token.getLoginSessionId())
                .filter(s -> s.isActiveAt(now))
                .orElseThrow(RefreshTokenService::invalid);
        User user =
                users.findById(session.getUserId()).filter(User::isActive).orElseThrow(RefreshTokenService::invalid);
        if (token.getUsedAt() != null) {
            if (Duration.between(token.getUsedAt(), now).compareTo(properties.refreshReuseGrace()) > 0) {
                // Whoever holds the newer token of this family may be the thief or the victim: end it for both.
                loginSessions.revoke(session.getId(), now, "refresh token reused");
                tokenState.loginSessionEnded(session.getId());
                events.publishEvent(new RefreshTokenReused(user.getId(), user.getUsername(), session.getId(), origin));
                throw invalid();
            }
        } else {
            tokens.markUsed(hash, now);
        }
        loginSessions.touch(session.getId(), now);
        return issue(user, session, now);
    }

    @Transactional(readOnly = true)
    public List<LoginSession> activeLoginSessions(UUID userId) {
        return loginSessions.findActive(userId, now());
    }

    /** Ends one of the user's login sessions; false when there is no such active session of theirs. */
    @Transactional
    public boolean endLoginSession(CurrentUser user, UUID sessionId, RequestOrigin origin) {
        Instant now = now();
        return loginSessions
                .lockById(sessionId)
                .filter(s -> s.getUserId().equals(user.id()) && s.isActiveAt(now))
                .map(s -> {
                    loginSessions.revoke(s.getId(), now, "ended by user");
                    tokenState.loginSessionEnded(s.getId());
                    events.publishEvent(new LoginSessionEnded(user.id(), user.username(), s.getId(), origin));
                    return true;
                })
                .orElse(false);
    }

    private TokenPairResponse issue(User user, LoginSession session, Instant now) {
        String refresh = OpaqueTokens.generate(PREFIX);
        tokens.insert(new RefreshToken(OpaqueTokens.hash(refresh), session.getId(), now));
        JwtService.IssuedToken access = jwt.issueAccessToken(user, session.getId());
        return new TokenPairResponse(
                access.token(),
                "bearer",
                user.getId(),
                user.getUsername(),
                refresh,
                Duration.between(now, access.expiresAt()).toSeconds(),
                Duration.between(now, session.getExpiresAt()).toSeconds());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static InvalidRefreshTokenException invalid() {
        return new InvalidRefreshTokenException(INVALID);
    }
}
