package org.llmtutor.userservice.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates a user after checking the username and password rules.
     *
     * @throws InvalidUserException when a rule is broken
     * @throws UsernameTakenException when the username exists
     */
    @Transactional
    public User create(String username, String password, Role role) {
        UsernamePolicy.violation(username).ifPresent(InvalidUserException::raise);
        PasswordPolicy.violation(password).ifPresent(InvalidUserException::raise);
        if (users.existsByUsername(username)) {
            throw new UsernameTakenException(username);
        }
        User user = new User(UUID.randomUUID(), username, hasher.hash(password), role, now());
        try {
            return users.saveAndFlush(user);
        } catch (DataIntegrityViolationException raced) {
            throw new UsernameTakenException(username);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
