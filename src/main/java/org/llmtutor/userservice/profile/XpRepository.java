package org.llmtutor.userservice.profile;

import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.user.User;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** XP is changed only here, by atomic statements, never by writing back a value read earlier. */
interface XpRepository extends Repository<User, UUID> {

    /**
     * Adds in one statement, so concurrent adds on any instance queue on the row lock and none is lost. The guard
     * keeps the sum within {@code ceiling} without ever computing a value that could overflow the INTEGER column.
     *
     * @return 1 when added; 0 when the user does not exist or the sum would pass the ceiling
     */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE users SET xp = xp + :amount WHERE id = :id AND xp <= :ceiling - :amount")
    int add(UUID id, int amount, int ceiling);

    /** One statement; outside a transaction it runs on its own (autocommit), one round trip to the database. */
    @Query("select u.xp from User u where u.id = :id")
    Optional<Integer> findXp(UUID id);
}
