package org.llmtutor.userservice.support;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** BCrypt that counts its verifications, to prove every login path costs the same number of them. */
public final class CountingPasswordEncoder implements PasswordEncoder {

    private final BCryptPasswordEncoder bcrypt;
    private final AtomicLong verifications = new AtomicLong();
    private final AtomicLong offPool = new AtomicLong();

    public CountingPasswordEncoder(int strength) {
        this.bcrypt = new BCryptPasswordEncoder(strength);
    }

    public long verifications() {
        return verifications.get();
    }

    /** Verifications and hashes that ran on a request thread instead of the hashing pool. */
    public long offPool() {
        return offPool.get();
    }

    private void countThread() {
        if (!Thread.currentThread().getName().startsWith("password-hashing-")) {
            offPool.incrementAndGet();
        }
    }

    @Override
    public String encode(CharSequence rawPassword) {
        countThread();
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        verifications.incrementAndGet();
        countThread();
        return bcrypt.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }
}
