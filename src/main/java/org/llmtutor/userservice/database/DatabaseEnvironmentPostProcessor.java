package org.llmtutor.userservice.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Supplies the default database when no {@code spring.datasource.url} is configured, at the lowest precedence so that
 * one added later (tests) still wins: the
 * Python-era {@code POSTGRES_*} variables when {@code POSTGRES_HOST} is set, otherwise an embedded H2 file under the
 * data directory, so the service starts with zero setup and keeps its data across restarts.
 *
 * <p>The embedded file runs in H2's automatic mixed mode ({@code AUTO_SERVER}): the first process to open it serves it
 * to the others over TCP, so the admin CLI can create a user while the service runs. That server listens on the
 * loopback interface only and wants the random key kept in the database's lock file.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "userServiceDatabaseDefaults";
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url")) {
            return;
        }
        Map<String, Object> defaults = new HashMap<>();
        String host = env.getProperty("POSTGRES_HOST");
        if (host != null && !host.isBlank()) {
            defaults.put(
                    "spring.datasource.url",
                    "jdbc:postgresql://%s:%s/%s"
                            .formatted(
                                    host.trim(),
                                    env.getProperty("POSTGRES_PORT", "5432").trim(),
                                    env.getProperty("POSTGRES_DB", "user_service")
                                            .trim()));
            defaults.put("spring.datasource.username", env.getProperty("POSTGRES_USER", "postgres"));
            defaults.put("spring.datasource.password", env.getProperty("POSTGRES_PASSWORD", ""));
        } else {
            Path file = Path.of(env.getProperty("app.data-dir", "./data"))
                    .toAbsolutePath()
                    .normalize()
                    .resolve("user-service");
            defaults.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + file
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
            // H2 reads this once, when it first starts a server; without it the auto server listens on every interface.
            if (System.getProperty(H2_BIND_ADDRESS) == null) {
                System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
            }
            defaults.put("spring.datasource.username", "sa");
            defaults.put("spring.datasource.password", "");
        }
        env.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }

    @Override
    public int getOrder() {
        // After the config files and environment variables have been loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
