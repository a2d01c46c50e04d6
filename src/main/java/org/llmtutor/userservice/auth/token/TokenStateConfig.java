package org.llmtutor.userservice.auth.token;

import org.llmtutor.userservice.common.EmbeddedDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokenStateConfig {

    /**
     * Only the server listens (the admin CLI checks no tokens), and only on PostgreSQL: the embedded database serves
     * one instance, which invalidates its own memory.
     */
    @Bean
    @ConditionalOnWebApplication
    TokenStateListener tokenStateListener(
            TokenStateCache cache,
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        return new TokenStateListener(cache, EmbeddedDatabase.isEmbedded(url) ? null : url, username, password);
    }
}
