package org.llmtutor.userservice.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits, without sleeping, until a thread the test started has reached a state nothing signals (a login parked in the
 * queue). For a change that must cross to another instance within a promised time use {@link Eventually}, in an *IT.
 */
public final class Await {

    /** Only against a hang: the state is reached in microseconds when the code is right. */
    private static final Duration STUCK = Duration.ofSeconds(30);

    private Await() {}

    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + STUCK.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        "the state was never reached in " + STUCK.toSeconds() + " s: a thread is stuck");
            }
            Thread.yield();
        }
    }
}
