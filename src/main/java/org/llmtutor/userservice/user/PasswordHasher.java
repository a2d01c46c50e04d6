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
    private final String decoyPassword;
    // A hash of a random secret, verified whenever there is no real hash to verify against. Made on first need rather
    // than at start, where one hash at the production cost is a good part of the start-up time.
    private volatile String decoyHash;

    public PasswordHasher(PasswordEncoder encoder, HashingPool pool) {
        this.encoder = encoder;
        this.pool = pool;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoyPassword = HexFormat.of().formatHex(random);
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
        pool.run(() -> encoder.matches(decoyPassword, decoyHash()));
    }

    /** Refuses at once, before any other work, when a check queued now would wait longer than allowed. */
    public void requireCapacity() {
        pool.requireCapacity();
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            // Two first callers at once may both hash; either result is as good. The time seeds the pool's estimate.
            long start = System.nanoTime();
            hash = encoder.encode(decoyPassword);
            pool.calibrate(Duration.ofNanos(System.nanoTime() - start));
            decoyHash = hash;
        }
        return hash;
    }

    public boolean needsRehash(String storedHash) {
        return encoder.upgradeEncoding(storedHash);
    }

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }
}
