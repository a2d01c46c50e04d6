package org.llmtutor.userservice.common;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    /**
     * The PostgreSQL driver waits forever for an answer by default; a database that stops answering (a black hole:
     * the TCP connection stays up, nothing comes back) would hold every request until the operating system gives up.
     * One second per read is far beyond any statement this service runs, so a request needing the database fails
     * (503) within the 2 s bound instead. Set here rather than in the URL so that an operator's URL
     * parameters still win.
     */
    static final Map<String, String> POSTGRES_TIMEOUTS = Map.of(
            // Seconds without an answer to one read; the statements of a request take milliseconds.
            "socketTimeout", "1",
            // Seconds to open the TCP connection.
            "connectTimeout", "1");

    /** The few type names PostgreSQL and the embedded H2 spell differently; the migrations use these placeholders. */
    @Bean
    FlywayConfigurationCustomizer dialectPlaceholders(Environment env) {
        String url = env.getRequiredProperty("spring.datasource.url");
        boolean h2 = EmbeddedDatabase.isEmbedded(url);
        return flyway -> {
            flyway.placeholders(Map.of(
                    "json_type", h2 ? "JSON" : "JSONB", "uuid_default", h2 ? "RANDOM_UUID()" : "gen_random_uuid()"));
            if (!h2) {
                // Migrations get their own connection without the request path's read timeout: adopting a large
                // legacy database may build an index for longer than a second.
                flyway.dataSource(
                        url,
                        env.getProperty("spring.datasource.username"),
                        env.getProperty("spring.datasource.password"));
            }
        };
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
