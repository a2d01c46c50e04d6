package org.llmtutor.userservice.auth.token;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.llmtutor.userservice.auth.events.RefreshTokenReused;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts reused refresh tokens ({@code user_service_refresh_reuse_total}, registered at start-up so that it reads 0),
 * once the login session's end has committed.
 */
@Component
class RefreshMetrics {

    private final Counter reuse;

    RefreshMetrics(MeterRegistry registry) {
        reuse = Counter.builder("user_service.refresh.reuse")
                .description("Used refresh tokens presented again after the grace window (login session ended)")
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RefreshTokenReused event) {
        reuse.increment();
    }
}
