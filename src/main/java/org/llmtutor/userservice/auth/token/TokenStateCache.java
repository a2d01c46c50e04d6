package org.llmtutor.userservice.auth.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.llmtutor.userservice.database.EmbeddedDatabase;
import org.llmtutor.userservice.user.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a token check ({@link TokenStateCheck}) needs, served from memory: the user's state, whether a login session is still alive, whether a
 * {@code jti} was logged out. The database stays the source of truth: an entry is loaded on first use and dropped when
 * this instance changes it (after the commit, so the instance that ends a token refuses it at once), when another
 * writer changed it (the database triggers NOTIFY, {@link TokenStateListener} passes it on, within milliseconds), when
 * it is older than the TTL, or all at once when the listener lost its connection. While notifications could be missed
 * (the listener not connected) every check reads the database, as if there were no cache.
 */
@NamedInterface("user-state")
@Component
public class TokenStateCache {

    /**
     * The token-relevant columns of a user, and the user's XP: profile reads answer from here, since the row is in
     * memory for the user's token checks anyway (an XP change is announced like the other columns).
     */
    public record UserState(UUID id, String username, Role role, boolean active, int tokenGeneration, int xp) {}

    /** A login session as a token check sees it. */
    public record LoginSessionState(Instant expiresAt, boolean revoked) {
        boolean aliveAt(Instant now) {
            return !revoked && now.isBefore(expiresAt);
        }
    }

    private record UserKey(UUID id) {}

    private record LoginSessionKey(UUID id) {}

    private record JtiKey(String jti) {}

    // Users, sessions and jti in use at once; about 200 bytes each.
    private static final int MAX_ENTRIES = 100_000;

    private final TokenStateRepository database;
    private final Cache<Object, Object> entries;
    // Raised by every invalidation: a value loaded while it changed may be stale and is not kept.
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean coherent;

    TokenStateCache(
            TokenStateRepository database,
            TokenProperties properties,
            @Value("${spring.datasource.url}") String databaseUrl) {
        this.database = database;
        this.entries = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(properties.stateTtl())
                .build();
        // The embedded database serves this one instance, whose own changes invalidate directly; on PostgreSQL the
        // listener vouches for coherence once it listens.
        this.coherent = EmbeddedDatabase.isEmbedded(databaseUrl);
    }

    @SuppressWarnings("unchecked")
    Optional<UserState> user(UUID id) {
        return (Optional<UserState>) lookup(new UserKey(id), () -> database.findUser(id));
    }

    /** The user's XP, as current as a token check's view of the user; empty when there is no such user. */
    public Optional<Integer> xp(UUID userId) {
        return user(userId).map(UserState::xp);
    }

    @SuppressWarnings("unchecked")
    Optional<LoginSessionState> loginSession(UUID id) {
        return (Optional<LoginSessionState>) lookup(new LoginSessionKey(id), () -> database.findLoginSession(id));
    }

    boolean jtiRevoked(String jti) {
        return (Boolean) lookup(new JtiKey(jti), () -> database.isRevoked(jti));
    }

    /**
     * A value from memory, else from the database, kept if nothing was invalidated meanwhile. The epoch is raised
     * before an entry is removed, so either the removal comes after this put or the re-check below sees the raise.
     */
    private Object lookup(Object key, Supplier<Object> load) {
        if (!coherent) {
            return load.get();
        }
        Object cached = entries.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = epoch.get();
        Object loaded = load.get();
        entries.put(key, loaded);
        if (epoch.get() != before || !coherent) {
            entries.asMap().remove(key, loaded);
        }
        return loaded;
    }

    /** Applies a change notification: {@code u:<user id>}, {@code s:<login session id>} or {@code j:<jti>}. */
    void apply(String payload) {
        if (payload == null || payload.length() < 3 || payload.charAt(1) != ':') {
            invalidateAll();
            return;
        }
        String value = payload.substring(2);
        try {
            switch (payload.charAt(0)) {
                case 'u' -> invalidate(new UserKey(UUID.fromString(value)));
                case 's' -> invalidate(new LoginSessionKey(UUID.fromString(value)));
                case 'j' -> invalidate(new JtiKey(value));
                default -> invalidateAll();
            }
        } catch (IllegalArgumentException e) {
            invalidateAll();
        }
    }

    /**
     * A user's name, role, activity, token generation or XP changed, or the user was deleted, in the current transaction:
     * this instance forgets the old state once it commits (so it refuses an ended token at once); other instances hear
     * of it from the database trigger.
     */
    public void userChanged(UUID id) {
        afterCommit(new UserKey(id));
    }

    /** A login session ended in the current transaction (see {@link #userChanged}). */
    public void loginSessionEnded(UUID id) {
        afterCommit(new LoginSessionKey(id));
    }

    /** An access token was logged out in the current transaction (see {@link #userChanged}). */
    public void tokenRevoked(String jti) {
        afterCommit(new JtiKey(jti));
    }

    private void afterCommit(Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            invalidate(key);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                invalidate(key);
            }
        });
    }

    private void invalidate(Object key) {
        epoch.incrementAndGet();
        entries.invalidate(key);
    }

    private void invalidateAll() {
        epoch.incrementAndGet();
        entries.invalidateAll();
    }

    /**
     * Whether every change reaches this instance: true while the listener is connected (on the embedded database from
     * the start: this instance is its only writer). Either way all entries are dropped: changes made while the
     * listener was not connected were announced to nobody.
     */
    void setCoherent(boolean coherent) {
        // Entries are dropped while the flag says they cannot be trusted: no load started before the switch keeps one.
        if (coherent) {
            invalidateAll();
            this.coherent = true;
        } else {
            this.coherent = false;
            invalidateAll();
        }
    }
}
