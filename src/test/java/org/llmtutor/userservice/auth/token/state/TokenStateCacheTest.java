package org.llmtutor.userservice.auth.token.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.token.LoginSession;
import org.llmtutor.userservice.auth.token.TokenProperties;
import org.llmtutor.userservice.auth.token.state.TokenStateCache.UserState;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The cache's own rules, with a database stand-in that counts reads: when it may answer from memory, and when not. */
class TokenStateCacheTest {

    private final UUID id = UUID.randomUUID();
    private final CountingRepository database = new CountingRepository();
    private final TokenStateCache cache = new TokenStateCache(
            database,
            new TokenProperties(
                    Duration.ofDays(1), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMinutes(1), null),
            "jdbc:postgresql://127.0.0.1/none");

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void onPostgreSqlEveryCheckReadsTheDatabaseUntilTheListenerListens() {
        database.user = state(0);
        cache.user(id);
        cache.user(id);
        assertThat(database.reads).isEqualTo(2);

        cache.setCoherent(true);
        cache.user(id);
        cache.user(id);
        assertThat(database.reads).isEqualTo(3);
    }

    @Test
    void aNotificationDropsTheEntry() {
        cache.setCoherent(true);
        database.user = state(0);
        assertThat(cache.user(id)).isEqualTo(database.user);

        database.user = state(1);
        cache.apply("u:" + id);

        assertThat(cache.user(id)).isEqualTo(state(1));
        assertThat(database.reads).isEqualTo(2);
    }

    @Test
    void aValueLoadedWhileItChangedIsNotKept() {
        cache.setCoherent(true);
        database.user = state(0);
        // The change commits and is announced while the old row is on its way.
        database.duringRead = () -> {
            database.duringRead = () -> {};
            database.user = state(1);
            cache.apply("u:" + id);
        };

        assertThat(cache.user(id)).isEqualTo(state(0));
        assertThat(cache.user(id)).as("read again, not the stale value").isEqualTo(state(1));
    }

    @Test
    void losingTheListenerDropsEverythingAndReadsThroughUntilItIsBack() {
        cache.setCoherent(true);
        database.user = state(0);
        cache.user(id);

        cache.setCoherent(false);
        database.user = state(1);
        assertThat(cache.user(id)).isEqualTo(state(1));
        cache.user(id);
        assertThat(database.reads).isEqualTo(3);

        cache.setCoherent(true);
        cache.user(id);
        cache.user(id);
        assertThat(database.reads).isEqualTo(4);
    }

    @Test
    void aLocalChangeIsForgottenWhenItsTransactionCommitsNotBefore() {
        cache.setCoherent(true);
        database.user = state(0);
        cache.user(id);
        TransactionSynchronizationManager.initSynchronization();

        cache.userChanged(id);
        database.user = state(1);
        assertThat(cache.user(id)).as("not committed yet").isEqualTo(state(0));

        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCommit();
        }
        assertThat(cache.user(id)).isEqualTo(state(1));
    }

    @Test
    void anUnreadableNotificationDropsEverything() {
        cache.setCoherent(true);
        database.user = state(0);
        cache.user(id);

        cache.apply("u:not-a-uuid");

        cache.user(id);
        assertThat(database.reads).isEqualTo(2);
    }

    private Optional<UserState> state(int generation) {
        return Optional.of(new UserState(id, "alice", Role.USER, true, generation, 0));
    }

    private static final class CountingRepository implements TokenStateRepository {

        Optional<UserState> user = Optional.empty();
        Runnable duringRead = () -> {};
        int reads;

        @Override
        public Optional<User> findUserRow(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<LoginSession> findLoginSessionRow(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countRevoked(String jti) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<UserState> findUser(UUID id) {
            reads++;
            Optional<UserState> answer = user;
            duringRead.run();
            return answer;
        }
    }
}
