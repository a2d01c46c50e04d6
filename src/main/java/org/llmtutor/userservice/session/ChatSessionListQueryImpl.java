package org.llmtutor.userservice.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JdbcClient rather than a repository query: no entity is made only to be copied into the answer.
 */
class ChatSessionListQueryImpl implements ChatSessionListQuery {

    private final JdbcClient jdbc;

    ChatSessionListQueryImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ChatSessionRecord> findNewestFirst(UUID userId, int limit, int offset) {
        return jdbc.sql("SELECT session_id, title, id, user_id, created_at FROM chat_sessions WHERE user_id = :userId"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("userId", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new ChatSessionRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }
}
