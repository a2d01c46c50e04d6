package org.llmtutor.userservice.session;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxPerUser chat sessions kept per user ({@code MAX_USER_SESSIONS}); creating one more evicts the oldest */
@ConfigurationProperties("app.sessions")
public record ChatSessionProperties(
        @Min(value = 1, message = "MAX_USER_SESSIONS must be at least 1 (sessions kept per user)")
        int maxPerUser) {}
