package org.llmtutor.userservice.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user module's API: what other modules may read and change about users. The repository stays inside the module,
 * so every change of a user goes through here.
 */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    UserService(UserRepository users, PasswordHasher hasher, Clock clock) {
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
            return users.insert(user);
        } catch (DataIntegrityViolationException raced) {
            throw new UsernameTakenException(username);
        }
    }

    public Optional<User> findById(UUID id) {
        return users.findById(id);
    }

    public Optional<User> findByUsername(String username) {
        return users.findByUsername(username);
    }

    public boolean existsById(UUID id) {
        return users.existsById(id);
    }

    public List<User> listByUsername() {
        return users.findAllByOrderByUsernameAsc();
    }

    /**
     * Locks the user's row until the caller's transaction ends: every change of one user's sessions or settings, on
     * any instance, then runs one after another. Empty when the user does not exist.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> lockById(UUID id) {
        return users.lockById(id).map(locked -> id);
    }

    /**
     * Replaces the password hash only if it is still {@code oldHash} (compare-and-set), so a password changed meanwhile
     * is never overwritten. Returns how many rows changed (0 or 1).
     */
    @Transactional
    public int updatePasswordHash(UUID id, String oldHash, String newHash) {
        return users.updatePasswordHash(id, oldHash, newHash);
    }

    /** Sets a new password hash, whatever the stored one is (an administrator's reset). */
    @Transactional
    public void setPasswordHash(UUID id, String hash) {
        users.setPasswordHash(id, hash);
    }

    @Transactional
    public void setActive(UUID id, boolean active) {
        users.setActive(id, active);
    }

    @Transactional
    public void setRole(UUID id, Role role) {
        users.setRole(id, role.wireName());
    }

    /** Ends every access token issued to the user so far (they carry the old generation). */
    @Transactional
    public int bumpTokenGeneration(UUID id) {
        return users.bumpTokenGeneration(id);
    }

    /** Deletes the user at once; their sessions, settings, quiz results and login sessions go with them (cascade). */
    @Transactional
    public void delete(User user) {
        users.deleteById(user.getId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
