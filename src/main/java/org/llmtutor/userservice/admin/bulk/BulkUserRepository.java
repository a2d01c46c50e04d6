package org.llmtutor.userservice.admin.bulk;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.user.User;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk import's statements on the users table. {@code ON CONFLICT DO NOTHING} lets the unique index skip a username
 * that exists (an earlier or crashed run, a concurrent registration) instead of failing the batch; it works on
 * PostgreSQL and on the embedded H2 (in its PostgreSQL mode).
 */
interface BulkUserRepository extends Repository<User, UUID> {

    @NativeQuery("SELECT username FROM users WHERE username IN (:usernames)")
    List<String> findExistingUsernames(Collection<String> usernames);

    /** @return 1 when inserted, 0 when the username exists already */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("INSERT INTO users (id, username, hashed_password, is_active, created_at, xp, role,"
            + " failed_login_attempts, token_generation)"
            + " VALUES (:id, :username, :hashedPassword, TRUE, :createdAt, 0, :role, 0, 0)"
            + " ON CONFLICT DO NOTHING")
    int insertIfAbsent(UUID id, String username, String hashedPassword, Instant createdAt, String role);
}
