package org.llmtutor.userservice.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service's own counters, exported at {@code /actuator/prometheus} as {@code user_service_*_total}. All are
 * registered at start-up so that they read 0 rather than being absent before the first event (rates need both).
 * Events that happen inside a transaction count once it commits: a rolled-back change did not happen.
 */
@Component
public class ServiceMetrics {

    private final Counter loginSucceeded;
    private final Counter loginFailed;
    private final Counter loginLocked;
    private final Counter loginThrottled;
    private final Counter lockoutsStarted;
    private final Counter chatSessionsEvicted;
    private final Counter refreshReuse;

    public ServiceMetrics(MeterRegistry registry) {
        loginSucceeded = login(registry, "success");
        loginFailed = login(registry, "failure");
        loginLocked = login(registry, "locked");
        loginThrottled = login(registry, "throttled");
        lockoutsStarted = Counter.builder("user_service.lockouts")
                .description("Lockouts started by too many wrong passwords in a row")
                .register(registry);
        chatSessionsEvicted = Counter.builder("user_service.sessions.evicted")
                .description("Chat sessions deleted by the per-user cap (rotation)")
                .register(registry);
        refreshReuse = Counter.builder("user_service.refresh.reuse")
                .description("Used refresh tokens presented again after the grace window (login session ended)")
                .register(registry);
    }

    private static Counter login(MeterRegistry registry, String outcome) {
        return Counter.builder("user_service.logins")
                .description("Password checks at login, by outcome (locked: refused without a check; throttled: 429,"
                        + " the username's allowance stayed taken by checks in flight)")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void loginSucceeded() {
        loginSucceeded.increment();
    }

    public void loginFailed() {
        loginFailed.increment();
    }

    public void loginRefusedLocked() {
        loginLocked.increment();
    }

    public void loginThrottled() {
        loginThrottled.increment();
    }

    public void lockoutStarted() {
        lockoutsStarted.increment();
    }

    public void chatSessionsEvicted(int count) {
        if (count > 0) {
            afterCommit(() -> chatSessionsEvicted.increment(count));
        }
    }

    public void refreshReuseDetected() {
        afterCommit(refreshReuse::increment);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
