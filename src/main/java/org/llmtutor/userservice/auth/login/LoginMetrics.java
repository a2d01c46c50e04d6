package org.llmtutor.userservice.auth.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.llmtutor.userservice.auth.events.LoginFailed;
import org.llmtutor.userservice.auth.events.LoginRefusedLocked;
import org.llmtutor.userservice.auth.events.LoginSucceeded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts login outcomes and lockouts ({@code user_service_logins_total} by outcome, {@code
 * user_service_lockouts_total}), registered at start-up so that they read 0 rather than being absent (rates need
 * both). An event published in a transaction counts once it commits; the password check itself runs outside one, so
 * its outcomes count at once.
 */
@Component
class LoginMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Counter locked;
    private final Counter throttled;
    private final Counter lockoutsStarted;

    LoginMetrics(MeterRegistry registry) {
        succeeded = login(registry, "success");
        failed = login(registry, "failure");
        locked = login(registry, "locked");
        throttled = login(registry, "throttled");
        lockoutsStarted = Counter.builder("user_service.lockouts")
                .description("Lockouts started by too many wrong passwords in a row")
                .register(registry);
    }

    private static Counter login(MeterRegistry registry, String outcome) {
        return Counter.builder("user_service.logins")
                .description("Password checks at login, by outcome (locked: refused without a check; throttled: 429,"
                        + " the username's allowance stayed taken by checks in flight)")
                .tag("outcome", outcome)
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LoginSucceeded event) {
        succeeded.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LoginFailed event) {
        failed.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OverlongLoginRefused event) {
        failed.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LoginRefusedLocked event) {
        locked.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LoginThrottled event) {
        throttled.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LockoutStarted event) {
        lockoutsStarted.increment();
    }
}
