package org.llmtutor.userservice.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Only the user module reads and writes the users table; other modules go through {@link UserService}. */
interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByUsername(String username);

    /**
     * Locks the user's row until the transaction ends: every change of one user's sessions or settings, on any
     * instance, then runs one after another, which is what keeps the session cap exact and a settings set whole.
     * Empty when the user does not exist. It selects a constant rather than the id: in Spring AOT mode the query runs
     * untyped, and the embedded H2 reports a UUID column as binary (RepositoryQueriesTest).
     */
    @Query(value = "SELECT 1 FROM users WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Integer> lockById(UUID id);

    boolean existsByUsername(String username);

    /** Compare-and-set, so a password changed meanwhile is never overwritten by an upgraded old one. */
    @Modifying
    @Query("update User u set u.hashedPassword = :newHash where u.id = :id and u.hashedPassword = :oldHash")
    int updatePasswordHash(UUID id, String oldHash, String newHash);

    /** Ends every access token issued to the user so far (they carry the old generation). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update User u set u.tokenGeneration = u.tokenGeneration + 1 where u.id = :id")
    int bumpTokenGeneration(UUID id);
}
