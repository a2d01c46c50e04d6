package org.llmtutor.userservice.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Logs in to the configured PostgreSQL database once before the application context is refreshed, so that a wrong
 * password, a database that does not exist or a host that does not answer ends the start with one report naming the
 * variable ({@link StartupFailureAnalyzers}), instead of a bean creation failure deep inside the data layer, and
 * before anything reads or migrates the schema. The connection is closed at once; the pool opens its own.
 */
class DatabaseLoginCheck implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        Properties login = new Properties();
        DatabaseConfig.POSTGRES_TIMEOUTS.forEach(login::setProperty);
        String user = environment.getProperty("spring.datasource.username", "");
        login.setProperty("user", user);
        login.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        try (Connection ignored = new Driver().connect(url, login)) {
            // Reached: the pool will be too.
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(
                    url.replaceAll("[?&]password=[^&]*", "") + " as user \"" + user + "\"", variables(environment), e);
        }
    }

    /** The variables an operator sets: POSTGRES_* unless a datasource URL was given (which then wins). */
    private static String variables(ConfigurableEnvironment environment) {
        PropertySource<?> defaults =
                environment.getPropertySources().get(DatabaseEnvironmentPostProcessor.PROPERTY_SOURCE);
        return defaults != null && defaults.containsProperty("spring.datasource.url")
                ? "POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB, POSTGRES_USER, POSTGRES_PASSWORD"
                : "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD";
    }
}
