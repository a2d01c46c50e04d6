package org.llmtutor.userservice.session;

import java.util.List;
import java.util.UUID;

/** The chat-session list: one statement, answered straight into the wire record. */
interface ChatSessionListQuery {

    /** The user's sessions, newest first (ties broken by id). */
    List<ChatSessionRecord> findNewestFirst(UUID userId, int limit, int offset);
}
