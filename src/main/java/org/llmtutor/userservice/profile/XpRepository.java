package org.llmtutor.userservice.profile;

import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.user.User;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** XP is changed only here, by atomic statements, never by writing back a value read earlier. */
interface XpRepository extends Repository<User, UUID> {

    /**
     * Adds in one statement, so concurrent adds on any instance queue on the row lock and none is lost. The guard
     * keeps the sum within {@code ceiling} without ever computing a value that could overflow the INTEGER column.
     *
     * @return 1 when added; 0 when the user does not exist or the sum would pass the ceiling
     */
    @Modifying
    @Query(value = "UPDATE users SET xp = xp + :amount WHERE id = :id AND xp <= :ceiling - :amount", nativeQuery = true)
    int add(UUID id, int amount, int ceiling);

    @Query(value = "SELECT xp FROM users WHERE id = :id", nativeQuery = true)
    Optional<Integer> findXp(UUID id);
}
