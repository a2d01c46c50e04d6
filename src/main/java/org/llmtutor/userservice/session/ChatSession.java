package org.llmtutor.userservice.session;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** Metadata of one chat session (the conversation itself lives in agent_service). */
@Table("chat_sessions")
public class ChatSession {

    @Id
    @Column("id")
    private UUID id;

    @Column("user_id")
    private UUID userId;

    @Column("session_id")
    private String sessionId;

    @Column("title")
    private String title;

    @Column("created_at")
    private Instant createdAt;

    protected ChatSession() {}

    ChatSession(UUID id, UUID userId, String sessionId, String title, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.sessionId = sessionId;
        this.title = title;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getTitle() {
        return title;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
