package org.llmtutor.userservice.auth.token;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings, fed by the Python-era variables {@code SECRET_KEY}, {@code ALGORITHM} and
 * {@code ACCESS_TOKEN_EXPIRE_MINUTES}.
 */
@ConfigurationProperties("app.jwt")
public record JwtProperties(String secret, String algorithm, long accessTokenExpireMinutes) {

    /** HS256 needs a key of at least 256 bits; a shorter shared secret can be brute-forced from one token. */
    public static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (algorithm != null && !algorithm.isBlank() && !"HS256".equals(algorithm.trim())) {
            throw new IllegalStateException("ALGORITHM must be HS256 (the only algorithm the platform accepts), got '"
                    + algorithm.trim() + "'");
        }
        if (accessTokenExpireMinutes <= 0) {
            throw new IllegalStateException(
                    "ACCESS_TOKEN_EXPIRE_MINUTES must be positive, got " + accessTokenExpireMinutes);
        }
        if (secret != null && !secret.isEmpty() && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("SECRET_KEY is too short: HS256 needs at least " + MIN_SECRET_BYTES
                    + " bytes, got " + secret.getBytes(StandardCharsets.UTF_8).length
                    + ". Generate one with: openssl rand -hex 32");
        }
    }

    public boolean hasSecret() {
        return secret != null && !secret.isEmpty();
    }
}
