package org.llmtutor.userservice.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The session list and rotation queries on PostgreSQL, with only JPA and the repositories started. Each test runs in a
 * transaction that is rolled back, so the rows it makes are seen by nobody else.
 */
// The migrations' two database-specific placeholders, as DatabaseConfig sets them for PostgreSQL; DatabaseConfig itself
// is left out of the slice (it wraps the pool for the outage detection), and so is the task executor that the server's
// background JPA bootstrap runs on.
@DataJpaTest(
        properties = {
            "spring.flyway.placeholders.json_type=JSONB",
            "spring.flyway.placeholders.uuid_default=gen_random_uuid()",
            "spring.jpa.bootstrap=default"
        })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
class ChatSessionRepositoryTest {

    private static final Instant T = Instant.parse("2026-12-05T08:00:00Z");

    @Autowired
    ChatSessionRepository sessions;

    @Autowired
    TestEntityManager entities;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    private UUID user() {
        UUID id = UUID.randomUUID();
        entities.persist(new User(id, "sessions_" + id.toString().substring(0, 8), "x", Role.USER, T));
        return id;
    }

    private ChatSession session(UUID user, String name, UUID id, Instant createdAt) {
        return entities.persistFlushFind(new ChatSession(id, user, name + "_" + UUID.randomUUID(), null, createdAt));
    }

    /** Ids that sort as their numbers do, unique to this run (the database is the suite's). */
    private final String idPrefix = UUID.randomUUID().toString().substring(0, 24);

    private UUID id(int n) {
        return UUID.fromString(idPrefix + "%012d".formatted(n));
    }

    @Test
    void rotationDeletesAllButTheNewestOfThatUserAndBreaksTiesOnCreationByTheLargerId() {
        UUID user = user();
        UUID other = user();
        session(user, "oldest", id(1), T);
        session(user, "tie_small", id(2), T.plusSeconds(1));
        ChatSession tieLarge = session(user, "tie_large", id(3), T.plusSeconds(1));
        ChatSession newest = session(user, "newest", id(4), T.plusSeconds(2));
        ChatSession others = session(other, "older_but_another_users", id(5), T.minusSeconds(60));

        assertThat(sessions.deleteBeyondNewest(user, 2)).isEqualTo(2);

        assertThat(sessions.findNewestFirst(user, 10, 0))
                .extracting(ChatSessionRecord::id)
                .containsExactly(newest.getId(), tieLarge.getId());
        assertThat(sessions.findNewestFirst(other, 10, 0))
                .extracting(ChatSessionRecord::id)
                .containsExactly(others.getId());
        assertThat(sessions.deleteBeyondNewest(user, 2))
                .as("nothing beyond the cap any more")
                .isZero();
    }

    @Test
    void pagesListNewestFirstWithTiesInTheSameOrderAsTheRotation() {
        UUID user = user();
        for (int n = 1; n <= 5; n++) {
            session(user, "s" + n, id(10 + n), n <= 2 ? T : T.plusSeconds(n));
        }

        List<UUID> all = sessions.findNewestFirst(user, 10, 0).stream()
                .map(ChatSessionRecord::id)
                .toList();

        assertThat(all).containsExactly(id(15), id(14), id(13), id(12), id(11));
        assertThat(sessions.findNewestFirst(user, 2, 3))
                .extracting(ChatSessionRecord::id)
                .containsExactly(id(12), id(11));
    }

    @Test
    void aRenameIsSeenByTheNextReadInTheSameTransaction() {
        UUID user = user();
        ChatSession s = session(user, "renamed", id(20), T);

        assertThat(sessions.rename(s.getId(), "A title")).isEqualTo(1);

        assertThat(sessions.findBySessionId(s.getSessionId()))
                .get()
                .extracting(ChatSession::getTitle)
                .isEqualTo("A title");
    }
}
