package org.llmtutor.userservice.session;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.auth.AccessGuard;
import org.llmtutor.userservice.auth.AccessGuard.Data;
import org.llmtutor.userservice.auth.Caller;
import org.llmtutor.userservice.shared.NotFoundException;
import org.llmtutor.userservice.user.UserNotFoundException;
import org.llmtutor.userservice.user.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ChatSessionService {

    static final String DUPLICATE = "Session ID already exists";
    static final String NOT_FOUND = "Session not found";

    private final ChatSessionRepository sessions;
    private final UserService users;
    private final AccessGuard guard;
    private final ChatSessionProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChatSessionService(
            ChatSessionRepository sessions,
            UserService users,
            AccessGuard guard,
            ChatSessionProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.guard = guard;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a session and rotates out the user's oldest ones beyond the cap, all in one transaction under the
     * owner's row lock. A retry of the same user's same session_id returns the stored record unchanged.
     */
    @Transactional
    public ChatSessionRecord create(Caller caller, UUID userId, String sessionId, String title) {
        guard.checkWrite(caller, Data.SESSIONS, userId);
        users.lockById(userId).orElseThrow(UserNotFoundException::new);
        Optional<ChatSession> existing = sessions.findBySessionId(sessionId);
        if (existing.isPresent()) {
            if (existing.get().getUserId().equals(userId)) {
                return ChatSessionRecord.of(existing.get());
            }
            throw new ChatSessionIdTakenException();
        }
        ChatSession session = sessions.insert(new ChatSession(
                UUID.randomUUID(), userId, sessionId, title, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        int evicted = sessions.deleteBeyondNewest(userId, properties.maxPerUser());
        if (evicted > 0) {
            events.publishEvent(new ChatSessionsEvicted(userId, evicted));
        }
        return ChatSessionRecord.of(session);
    }

    /** One statement: no transaction needed. */
    public List<ChatSessionRecord> list(Caller caller, UUID userId, Integer limit, int offset) {
        guard.checkRead(caller, Data.SESSIONS, userId);
        int max = limit == null ? properties.maxPerUser() : limit;
        return sessions.findNewestFirst(userId, max, offset);
    }

    @Transactional
    public void delete(Caller caller, String sessionId) {
        sessions.deleteById(writable(caller, sessionId).getId());
    }

    @Transactional
    public ChatSessionRecord rename(Caller caller, String sessionId, String title) {
        ChatSession session = writable(caller, sessionId);
        sessions.rename(session.getId(), title);
        return new ChatSessionRecord(
                session.getSessionId(), title, session.getId(), session.getUserId(), session.getCreatedAt());
    }

    /** A session the caller may change; someone else's answers exactly like a missing one. */
    private ChatSession writable(Caller caller, String sessionId) {
        return sessions.findBySessionId(sessionId)
                .filter(s -> guard.mayWrite(caller, Data.SESSIONS, s.getUserId()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }
}
