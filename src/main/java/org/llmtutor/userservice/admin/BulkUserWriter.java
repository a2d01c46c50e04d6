package org.llmtutor.userservice.admin;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.llmtutor.userservice.audit.AuditEventType;
import org.llmtutor.userservice.audit.AuditLog;
import org.llmtutor.userservice.user.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes bulk-created users a batch per transaction. A username that exists (an earlier run, a crashed run, a
 * concurrent registration) is skipped by the unique index rather than failing the batch, so a rerun of the same file
 * finishes the job without duplicates. {@code ON CONFLICT DO NOTHING} works on PostgreSQL and on the embedded H2 (in
 * its PostgreSQL mode).
 */
@Component
class BulkUserWriter {

    private static final int IN_LIST_CHUNK = 1000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    BulkUserWriter(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    record NewUser(String username, String hashedPassword, Role role) {}

    /** Which of these usernames exist already. */
    @Transactional(readOnly = true)
    public Set<String> existing(List<String> usernames) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < usernames.size(); from += IN_LIST_CHUNK) {
            found.addAll(jdbc.sql("SELECT username FROM users WHERE username IN (:names)")
                    .param("names", usernames.subList(from, Math.min(usernames.size(), from + IN_LIST_CHUNK)))
                    .query(String.class)
                    .list());
        }
        return found;
    }

    /** Inserts the batch and audits each new user; returns the usernames that existed already and were skipped. */
    @Transactional
    public List<String> insert(List<NewUser> batch) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        List<String> skipped = new ArrayList<>();
        for (NewUser user : batch) {
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("INSERT INTO users (id, username, hashed_password, is_active, created_at, xp, role,"
                            + " failed_login_attempts, token_generation)"
                            + " VALUES (:id, :username, :hash, TRUE, :now, 0, :role, 0, 0) ON CONFLICT DO NOTHING")
                    .param("id", id)
                    .param("username", user.username())
                    .param("hash", user.hashedPassword())
                    .param("now", now)
                    .param("role", user.role().wireName())
                    .update();
            if (inserted == 0) {
                skipped.add(user.username());
            } else {
                audit.record(
                        AuditEventType.USER_CREATED,
                        id,
                        user.username(),
                        AuditLog.CLI,
                        "role " + user.role().wireName() + " (bulk)");
            }
        }
        return skipped;
    }
}
