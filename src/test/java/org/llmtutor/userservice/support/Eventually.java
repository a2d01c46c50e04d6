package org.llmtutor.userservice.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another instance (or the admin CLI) changed to reach this one: the promise is "within 1 s". */
public final class Eventually {

    private Eventually() {}

    /** Polls every 10 ms until the condition holds and answers how long that took; fails once {@code limit} passed. */
    public static Duration until(BooleanSupplier condition, Duration limit) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).as("waited for the change to arrive").isLessThan(limit);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
