package org.llmtutor.userservice.auth.token.jwt;

import io.jsonwebtoken.security.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfig.class);

    /**
     * The HS256 key: the UTF-8 bytes of {@code SECRET_KEY}, shared with the other services. Only the zero-setup
     * embedded mode may run without one; it then makes a random secret and keeps it beside the embedded database, so
     * tokens survive a restart but no guessable default secret ever exists.
     */
    @Bean
    SecretKey jwtSigningKey(
            JwtProperties jwt,
            @Value("${spring.datasource.url}") String databaseUrl,
            @Value("${app.data-dir}") Path dataDir) {
        if (jwt.hasSecret()) {
            return Keys.hmacShaKeyFor(jwt.secret().getBytes(StandardCharsets.UTF_8));
        }
        SecretKeyCheck.refuseMissingSecret(jwt, databaseUrl);
        Path file = dataDir.resolve("jwt-secret");
        log.warn(
                "SECRET_KEY is not set: using a local secret kept in {} (embedded mode only). Tokens will not be"
                        + " accepted by other services.",
                file.toAbsolutePath());
        return Keys.hmacShaKeyFor(localSecret(file).getBytes(StandardCharsets.UTF_8));
    }

    /** What the bearer chain verifies access tokens with: this key, HS256 only, then the access-token claims. */
    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, Clock clock, JsonMapper json) {
        return new JjwtDecoder(jwtSigningKey, clock, json, new AccessTokenClaimsValidator());
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey, JsonMapper json) {
        return new JjwtEncoder(jwtSigningKey, json);
    }

    private static String localSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays readable per its folder's rights.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local JWT secret " + file, e);
        }
    }
}
