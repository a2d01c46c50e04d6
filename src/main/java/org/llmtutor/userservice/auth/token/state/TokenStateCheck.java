package org.llmtutor.userservice.auth.token.state;

import java.time.Clock;
import java.util.Optional;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.token.jwt.AccessToken;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a verified access token still speaks for its user: the user must exist, be active
 * and carry the token's username; the token must not have been ended, by generation (logout-all, password change or
 * reset, disable), by its login session, or by its own {@code jti} (logout). The role is the user's current one, so a
 * role change applies to tokens already issued. Everything the bearer chain knows about token state comes from here;
 * the state itself comes from {@link TokenStateCache}, without a query once it is in memory.
 */
@Component
public class TokenStateCheck {

    private final TokenStateCache state;
    private final Clock clock;

    TokenStateCheck(TokenStateCache state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** The caller this token stands for, or empty when it no longer stands for anyone. */
    public Optional<CurrentUser> callerOf(AccessToken token) {
        Optional<TokenStateCache.UserState> user = state.user(token.userId())
                .filter(u -> u.active()
                        && u.username().equals(token.username())
                        && u.tokenGeneration() == token.generation());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (token.loginSessionId() != null
                && !state.loginSession(token.loginSessionId())
                        .map(s -> s.aliveAt(clock.instant()))
                        .orElse(false)) {
            return Optional.empty();
        }
        if (token.tokenId() != null && state.jtiRevoked(token.tokenId())) {
            return Optional.empty();
        }
        return user.map(u -> new CurrentUser(u.id(), u.username(), u.role()));
    }
}
