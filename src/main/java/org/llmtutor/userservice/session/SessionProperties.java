package org.llmtutor.userservice.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxPerUser chat sessions kept per user ({@code MAX_USER_SESSIONS}); creating one more evicts the oldest */
@ConfigurationProperties("app.sessions")
public record SessionProperties(int maxPerUser) {

    public SessionProperties {
        if (maxPerUser < 1) {
            throw new IllegalStateException(
                    "MAX_USER_SESSIONS must be at least 1 (sessions kept per user), got " + maxPerUser);
        }
    }
}
