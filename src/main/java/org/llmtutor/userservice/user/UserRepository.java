package org.llmtutor.userservice.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Only the user module reads and writes the users table; other modules go through {@link UserService}. */
interface UserRepository extends Repository<User, UUID>, AggregateInsert<User> {

    /**
     * One statement: without the read-only transaction Spring Data gives its CRUD methods (a session, and a BEGIN and
     * COMMIT around the SELECT); inside a caller's transaction it takes part in it.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<User> findById(UUID id);

    boolean existsById(UUID id);

    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    /** A native statement: the start's first-user hint then leaves Hibernate's query parser to the first request. */
    @NativeQuery("SELECT EXISTS (SELECT 1 FROM users)")
    boolean anyUser();

    List<User> findAllByOrderByUsernameAsc();

    /**
     * Locks the user's row until the transaction ends: every change of one user's sessions or settings, on any
     * instance, then runs one after another, which is what keeps the session cap exact and a settings set whole.
     * Empty when the user does not exist. It selects a constant rather than the id, a type both drivers read alike
     * (the embedded H2 reports a UUID column as binary; RepositoryQueriesTest).
     */
    @NativeQuery("SELECT 1 FROM users WHERE id = :id FOR UPDATE")
    Optional<Integer> lockById(UUID id);

    /** Compare-and-set, so a password changed meanwhile is never overwritten by an upgraded old one. */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE users SET hashed_password = :newHash WHERE id = :id AND hashed_password = :oldHash")
    int updatePasswordHash(UUID id, String oldHash, String newHash);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE users SET hashed_password = :hash WHERE id = :id")
    int setPasswordHash(UUID id, String hash);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE users SET is_active = :active WHERE id = :id")
    int setActive(UUID id, boolean active);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE users SET role = :role WHERE id = :id")
    int setRole(UUID id, String role);

    /** Ends every access token issued to the user so far (they carry the old generation). */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE users SET token_generation = token_generation + 1 WHERE id = :id")
    int bumpTokenGeneration(UUID id);

    void deleteById(UUID id);
}
