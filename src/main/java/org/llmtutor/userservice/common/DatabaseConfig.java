package org.llmtutor.userservice.common;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    /** The few type names PostgreSQL and the embedded H2 spell differently; the migrations use these placeholders. */
    @Bean
    FlywayConfigurationCustomizer dialectPlaceholders(@Value("${spring.datasource.url}") String url) {
        boolean h2 = EmbeddedDatabase.isEmbedded(url);
        return flyway -> flyway.placeholders(
                Map.of("json_type", h2 ? "JSON" : "JSONB", "uuid_default", h2 ? "RANDOM_UUID()" : "gen_random_uuid()"));
    }
}
