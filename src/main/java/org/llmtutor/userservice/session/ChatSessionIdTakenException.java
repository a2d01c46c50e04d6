package org.llmtutor.userservice.session;

import org.llmtutor.userservice.shared.DomainException;

/** Another user's session already has this session_id (unique across all users); the contract answers 400. */
class ChatSessionIdTakenException extends DomainException {

    ChatSessionIdTakenException() {
        super(Kind.REJECTED, ChatSessionService.DUPLICATE);
    }
}
