package org.llmtutor.userservice.auth.token;

import org.llmtutor.userservice.database.EmbeddedDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokenStateConfig {

    /**
     * Only the server listens (the admin CLI checks no tokens), and only on PostgreSQL: the embedded database serves
     * one instance, which invalidates its own memory. The LISTEN goes to {@code app.tokens.listen-url} when one is set:
     * a pooler in transaction mode hands each transaction another server connection and would lose it.
     */
    @Bean
    @ConditionalOnWebApplication
    TokenStateListener tokenStateListener(
            TokenStateCache cache,
            TokenProperties properties,
            @Value("${spring.datasource.url}") String datasourceUrl,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        if (EmbeddedDatabase.isEmbedded(datasourceUrl)) {
            return new TokenStateListener(cache, null, username, password);
        }
        String listenUrl = properties.listenUrl();
        return new TokenStateListener(
                cache, listenUrl == null || listenUrl.isBlank() ? datasourceUrl : listenUrl, username, password);
    }
}
