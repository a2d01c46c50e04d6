package org.llmtutor.userservice.profile;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** XP is changed only here, by atomic statements, never by writing back a value read earlier. */
@Repository
class XpRepository {

    private final JdbcClient jdbc;

    XpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds in one statement, so concurrent adds on any instance queue on the row lock and none is lost. The guard
     * keeps the sum within {@code ceiling} without ever computing a value that could overflow the INTEGER column.
     *
     * @return 1 when added; 0 when the user does not exist or the sum would pass the ceiling
     */
    int add(UUID id, int amount, int ceiling) {
        return jdbc.sql("UPDATE users SET xp = xp + :amount WHERE id = :id AND xp <= :ceiling - :amount")
                .param("amount", amount)
                .param("id", id)
                .param("ceiling", ceiling)
                .update();
    }

    /** One statement; outside a transaction it runs on its own (autocommit), one round trip to the database. */
    Optional<Integer> findXp(UUID id) {
        return jdbc.sql("SELECT xp FROM users WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .optional();
    }
}
