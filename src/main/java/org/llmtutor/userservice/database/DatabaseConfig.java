package org.llmtutor.userservice.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    /**
     * The PostgreSQL driver waits forever for an answer by default. The read timeout here is only a backstop, well
     * above the longest wait of a healthy database (a row lock behind a burst of writers, bounded by the 10 s
     * transaction timeout, which the server enforces by cancelling the statement): a silent database (a black hole) is
     * found within the outage bound by {@link DatabaseOutage}'s heartbeat on its own connection, which then aborts the
     * connections stuck on it. Set here rather than in the URL so that an operator's URL parameters still win.
     */
    static final Map<String, String> POSTGRES_TIMEOUTS = Map.of(
            // Seconds without an answer to one read: a backstop far beyond any lock wait (a 1 s value took lock
            // waits under load for an outage).
            "socketTimeout", "30",
            // Seconds to open the TCP connection.
            "connectTimeout", "1",
            // Seconds for the whole connection set-up (TCP, TLS, authentication): a black hole accepts TCP and then
            // never answers the start-up message.
            "loginTimeout", "2");

    /**
     * What differs between PostgreSQL and the embedded H2 in the migrations: the few type names they spell differently
     * (placeholders). On PostgreSQL, migrations get their own connection without the request path's read timeout:
     * adopting a large legacy database may build an index for longer than that.
     */
    @Bean
    FlywayConfigurationCustomizer databaseSpecificMigrations(Environment env) {
        return config -> {
            String url = env.getRequiredProperty("spring.datasource.url");
            boolean h2 = EmbeddedDatabase.isEmbedded(url);
            Map<String, String> placeholders = new HashMap<>(config.getPlaceholders());
            placeholders.putIfAbsent("json_type", h2 ? "JSON" : "JSONB");
            placeholders.putIfAbsent("uuid_default", h2 ? "RANDOM_UUID()" : "gen_random_uuid()");
            config.placeholders(placeholders);
            if (!h2 && env.getProperty("spring.flyway.url") == null) {
                config.dataSource(
                        url,
                        env.getProperty("spring.datasource.username"),
                        env.getProperty("spring.datasource.password"));
            }
        };
    }

    /**
     * Hibernate is told which database the URL names, and not to ask the database at start-up (a connection and its
     * metadata before the first request needs either); it picks its dialect from the name. {@code
     * spring.jpa.properties.*} still wins.
     */
    @Bean
    HibernatePropertiesCustomizer knownDatabase(Environment env) {
        return properties -> {
            String url = env.getRequiredProperty("spring.datasource.url");
            properties.putIfAbsent(
                    "jakarta.persistence.database-product-name",
                    EmbeddedDatabase.isEmbedded(url) ? "H2" : "PostgreSQL");
            properties.putIfAbsent("hibernate.boot.allow_jdbc_metadata_access", "false");
        };
    }

    @Bean
    static EntityManagerFactoryBeforeWebServer entityManagerFactoryBeforeWebServer() {
        return new EntityManagerFactoryBeforeWebServer();
    }

    @Bean
    static SettingsBeforeDatabase settingsBeforeDatabase() {
        return new SettingsBeforeDatabase();
    }

    @Bean
    static BeanPostProcessor postgresTimeouts(ObjectProvider<DatabaseOutage> outage) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    if (pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                        POSTGRES_TIMEOUTS.forEach(
                                (key, value) -> pool.getDataSourceProperties().putIfAbsent(key, value));
                    }
                    return new OutageAwareDataSource(pool, outage.getObject());
                }
                return bean;
            }
        };
    }
}
