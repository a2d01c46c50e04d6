package org.llmtutor.userservice.auth.token.jwt;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings, fed by the Python-era variables {@code SECRET_KEY}, {@code ALGORITHM} and
 * {@code ACCESS_TOKEN_EXPIRE_MINUTES}.
 */
@ConfigurationProperties("app.jwt")
public record JwtProperties(
        String secret,

        @Pattern(
                regexp = "\\s*(HS256\\s*)?",
                message = "ALGORITHM must be HS256 (the only algorithm the platform accepts)")
        String algorithm,

        @Positive(message = "ACCESS_TOKEN_EXPIRE_MINUTES must be positive")
        long accessTokenExpireMinutes) {

    /** HS256 needs a key of at least 256 bits; a shorter shared secret can be brute-forced from one token. */
    public static final int MIN_SECRET_BYTES = 32;

    /**
     * A method rather than a constraint on {@code secret}: the start-up report shows the rejected value, and a
     * secret must not reach the log.
     */
    @AssertTrue(
            message = "SECRET_KEY is too short: HS256 needs at least " + MIN_SECRET_BYTES
                    + " bytes. Generate one with: openssl rand -hex 32")
    boolean isSecretLongEnough() {
        return !hasSecret() || secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }

    public boolean hasSecret() {
        return secret != null && !secret.isEmpty();
    }
}
