package org.llmtutor.userservice.auth.login;

import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.events.PasswordChanged;
import org.llmtutor.userservice.auth.token.JwtService;
import org.llmtutor.userservice.auth.token.TokenResponse;
import org.llmtutor.userservice.auth.token.TokenRevocationService;
import org.llmtutor.userservice.shared.InvalidInputException;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.user.PasswordHasher;
import org.llmtutor.userservice.user.PasswordPolicy;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UserNotFoundException;
import org.llmtutor.userservice.user.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A user changing their own password: proves the current one, and every older token of theirs ends. */
@Service
public class PasswordChangeService {

    static final String WRONG_PASSWORD = "Current password is incorrect";

    private final UserService users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenRevocationService revocations;
    private final JwtService jwt;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    PasswordChangeService(
            UserService users,
            PasswordHasher hasher,
            LoginThrottle throttle,
            TokenRevocationService revocations,
            JwtService jwt,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.revocations = revocations;
        this.jwt = jwt;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Returns a fresh access token, since the caller's own token ends with all the others. Wrong current passwords
     * count towards the same lockout as logins, so this is no side door for guessing.
     */
    public TokenResponse change(CurrentUser caller, String currentPassword, String newPassword, RequestOrigin origin) {
        PasswordPolicy.violation(newPassword).ifPresent(problem -> {
            throw InvalidInputException.of("new_password", problem);
        });
        hasher.requireCapacity();
        LoginThrottle.Admission admission = throttle.admit(caller.username(), origin.address());
        if (!admission.admitted()) {
            hasher.spendVerificationTime();
            throw LoginService.locked(admission);
        }
        User user;
        boolean settled = false;
        try {
            user = users.findById(caller.id()).orElseThrow(UserNotFoundException::new);
            if (!hasher.matches(currentPassword, user.getHashedPassword())) {
                throttle.failed(admission.ticket());
                settled = true;
                throw PasswordChangeRefusedException.wrongCurrentPassword();
            }
            throttle.succeeded(admission.ticket());
            settled = true;
        } finally {
            if (!settled) {
                throttle.released(admission.ticket());
            }
        }
        String newHash = hasher.hash(newPassword);
        User changed = transactions.execute(tx -> {
            if (users.updatePasswordHash(user.getId(), user.getHashedPassword(), newHash) == 0) {
                throw PasswordChangeRefusedException.changedMeanwhile();
            }
            revocations.revokeAll(user.getId(), "password changed");
            events.publishEvent(new PasswordChanged(user.getId(), user.getUsername(), origin));
            return users.findById(user.getId()).orElseThrow();
        });
        JwtService.IssuedToken token = jwt.issueAccessToken(changed);
        return new TokenResponse(token.token(), "bearer", changed.getId(), changed.getUsername());
    }
}
