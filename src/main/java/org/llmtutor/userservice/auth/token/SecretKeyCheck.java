package org.llmtutor.userservice.auth.token;

import org.llmtutor.userservice.database.EmbeddedDatabase;
import org.llmtutor.userservice.shared.RefusedSettingException;
import org.llmtutor.userservice.shared.SettingsCheck;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The server on a shared database signs tokens other services verify: it refuses to start without {@code SECRET_KEY},
 * before the data source. Only the server: the admin CLI signs no token and runs without it.
 */
@Component
@ConditionalOnWebApplication
class SecretKeyCheck implements SettingsCheck {

    SecretKeyCheck(JwtProperties jwt, @Value("${spring.datasource.url}") String databaseUrl) {
        refuseMissingSecret(jwt, databaseUrl);
    }

    /** Only the zero-setup embedded mode may run without a secret (it makes a local one). */
    static void refuseMissingSecret(JwtProperties jwt, String databaseUrl) {
        if (!jwt.hasSecret() && !EmbeddedDatabase.isEmbedded(databaseUrl)) {
            throw new RefusedSettingException("SECRET_KEY is not set. It signs the access tokens (HS256) and must be"
                    + " the secret shared with the other services, at least " + JwtProperties.MIN_SECRET_BYTES
                    + " bytes. Generate one with: openssl rand -hex 32");
        }
    }
}
