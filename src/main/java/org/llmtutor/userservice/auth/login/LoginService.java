package org.llmtutor.userservice.auth.login;

import java.util.Optional;
import org.llmtutor.userservice.auth.events.LoginFailed;
import org.llmtutor.userservice.auth.events.LoginRefusedLocked;
import org.llmtutor.userservice.auth.events.LoginSucceeded;
import org.llmtutor.userservice.auth.token.JwtService;
import org.llmtutor.userservice.auth.token.TokenResponse;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.user.HashingOverloadedException;
import org.llmtutor.userservice.user.PasswordHasher;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The password check behind every login. An unknown username, a wrong password and a disabled account all cost one
 * BCrypt check and get the same answer, and a locked username (existing or not) gets the same 403, so nothing tells
 * which usernames exist.
 */
@Service
public class LoginService {

    static final String BAD_CREDENTIALS = "Incorrect username or password";
    // Longer than any username the service creates or could have adopted from a sane deployment; not worth a row.
    private static final int MAX_TRACKED_USERNAME = 256;

    private final UserService users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final JwtService jwt;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    public LoginService(
            UserService users,
            PasswordHasher hasher,
            LoginThrottle throttle,
            JwtService jwt,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.jwt = jwt;
        this.transactions = transactions;
        this.events = events;
    }

    /** The Python-compatible login: an access token only. */
    public TokenResponse login(String username, String password, RequestOrigin origin) {
        User user = authenticate(username, password, origin);
        JwtService.IssuedToken token = jwt.issueAccessToken(user);
        return new TokenResponse(token.token(), "bearer", user.getId(), user.getUsername());
    }

    /**
     * Checks a username and password, from the given origin, under the brute-force rules. Not one transaction
     * on purpose: the BCrypt check runs on the hashing pool while no row lock is held. Each outcome is published as an
     * event ({@link LoginSucceeded}, {@link LoginFailed}, {@link LoginRefusedLocked}, and this package's own).
     *
     * @throws LoginFailedException for bad credentials; AccountLockedException while the username is locked (for
     *     everyone or this client)
     * @throws LoginThrottledException when checks still running hold the username's allowance for too long
     * @throws HashingOverloadedException when the hashing pool is saturated
     */
    public User authenticate(String username, String password, RequestOrigin origin) {
        if (username.length() > MAX_TRACKED_USERNAME) {
            hasher.spendVerificationTime();
            events.publishEvent(new OverlongLoginRefused(origin));
            throw badCredentials();
        }
        // Refuse a saturated pool before any database work; nothing is counted for a check that never ran.
        hasher.requireCapacity();
        LoginThrottle.Admission admission = admit(username, origin.address());
        if (!admission.admitted()) {
            hasher.spendVerificationTime();
            events.publishEvent(new LoginRefusedLocked(username, origin));
            throw locked(admission);
        }
        LoginThrottle.Ticket ticket = admission.ticket();
        boolean settled = false;
        try {
            Optional<User> user = users.findByUsername(username);
            boolean passwordOk =
                    hasher.matches(password, user.map(User::getHashedPassword).orElse(null));
            if (!passwordOk || !user.get().isActive()) {
                boolean lockStarted = throttle.failed(ticket);
                settled = true;
                events.publishEvent(new LoginFailed(user.map(User::getId).orElse(null), username, origin, lockStarted));
                throw badCredentials();
            }
            throttle.succeeded(ticket);
            settled = true;
            User loggedIn = user.get();
            if (hasher.needsRehash(loggedIn.getHashedPassword())) {
                upgradeHash(loggedIn, password);
            }
            events.publishEvent(new LoginSucceeded(loggedIn.getId(), username, origin));
            return loggedIn;
        } finally {
            if (!settled) {
                throttle.released(ticket);
            }
        }
    }

    private LoginThrottle.Admission admit(String username, String client) {
        try {
            return throttle.admit(username, client);
        } catch (LoginThrottledException e) {
            events.publishEvent(new LoginThrottled(username, client));
            throw e;
        }
    }

    /** Hashes made with a lower cost than configured (older deployments) are replaced on the next good login. */
    private void upgradeHash(User user, String password) {
        String newHash;
        try {
            newHash = hasher.hash(password);
        } catch (HashingOverloadedException busy) {
            return; // the login itself succeeded; the upgrade waits for a quieter moment
        }
        transactions.executeWithoutResult(
                tx -> users.updatePasswordHash(user.getId(), user.getHashedPassword(), newHash));
    }

    static AccountLockedException locked(LoginThrottle.Admission admission) {
        return new AccountLockedException(admission.lockedUntil());
    }

    private static LoginFailedException badCredentials() {
        return new LoginFailedException();
    }
}
