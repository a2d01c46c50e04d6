package org.llmtutor.userservice.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts chat sessions rotated out by the per-user cap ({@code user_service_sessions_evicted_total}, registered at
 * start-up so that it reads 0), once the creation that evicted them has committed: a rolled-back one evicted nothing.
 */
@Component
class SessionMetrics {

    private final Counter evicted;

    SessionMetrics(MeterRegistry registry) {
        evicted = Counter.builder("user_service.sessions.evicted")
                .description("Chat sessions deleted by the per-user cap (rotation)")
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ChatSessionsEvicted event) {
        evicted.increment(event.count());
    }
}
