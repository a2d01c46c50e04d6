package org.llmtutor.userservice.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt with the two rules that plain {@link PasswordEncoder} use gets wrong: BCrypt only reads 72 bytes, and a
 * login for an unknown user must cost as much as one for a known user. Every hash and check (the decoy too, so that
 * timing stays equal) runs on the {@link HashingPool}: callers may get {@link HashingOverloadedException}.
 */
@Component
public class PasswordHasher {

    /** BCrypt's input limit; longer input is refused, never truncated into a different password. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final PasswordEncoder encoder;
    private final HashingPool pool;
    // A random secret and its hash, verified whenever there is no real hash to verify against. Made on first need
    // rather than at start, where one hash at the production cost (and seeding a SecureRandom) is a good part of the
    // start-up time.
    private volatile Decoy decoy;

    private record Decoy(String password, String hash) {}

    public PasswordHasher(PasswordEncoder encoder, HashingPool pool) {
        this.encoder = encoder;
        this.pool = pool;
    }

    public String hash(String password) {
        if (!fitsBcrypt(password)) {
            throw new IllegalArgumentException("password is longer than " + MAX_PASSWORD_BYTES + " bytes");
        }
        return pool.run(() -> encoder.encode(password));
    }

    /**
     * Checks a password against a stored hash, or against the decoy when there is none, so that every call costs one
     * BCrypt verification whatever the outcome.
     */
    public boolean matches(String password, String storedHash) {
        if (storedHash == null || password == null || !fitsBcrypt(password)) {
            spendVerificationTime();
            return false;
        }
        return pool.run(() -> {
            try {
                return encoder.matches(password, storedHash);
            } catch (IllegalArgumentException malformedHash) {
                return false;
            }
        });
    }

    /** Spends the time of one verification without checking anything (used where the outcome is already known). */
    public void spendVerificationTime() {
        pool.run(() -> {
            Decoy spent = decoy();
            return encoder.matches(spent.password(), spent.hash());
        });
    }

    /** Refuses at once, before any other work, when a check queued now would wait longer than allowed. */
    public void requireCapacity() {
        pool.requireCapacity();
    }

    /** How many checks run at once (the hashing threads). */
    public int concurrentChecks() {
        return pool.threads();
    }

    /** The longest a check may wait to start ({@code HASHING_MAX_WAIT}). */
    public Duration maxWait() {
        return pool.maxWait();
    }

    /** A check refused before it was asked for (counted with the pool's own refusals), to be thrown by the caller. */
    public HashingOverloadedException refused(Duration retryAfter) {
        return pool.refusedElsewhere(retryAfter);
    }

    private Decoy decoy() {
        Decoy made = decoy;
        if (made == null) {
            // Two first callers at once may both make one; either is as good. The time seeds the pool's estimate.
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            long start = System.nanoTime();
            made = new Decoy(password, encoder.encode(password));
            pool.calibrate(Duration.ofNanos(System.nanoTime() - start));
            decoy = made;
        }
        return made;
    }

    public boolean needsRehash(String storedHash) {
        return encoder.upgradeEncoding(storedHash);
    }

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }
}
