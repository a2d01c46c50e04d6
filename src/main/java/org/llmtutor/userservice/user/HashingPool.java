package org.llmtutor.userservice.user;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that run BCrypt: one per core, with a bounded queue. A login storm then uses the cores fully while every
 * other request still finds a core, and a caller who would queue longer than {@code maxWait} is refused at once with
 * {@link HashingOverloadedException} rather than holding a request thread for ever longer. The expected wait is the
 * checks ahead divided among the threads, times the mean time of one check (measured as they run).
 */
@Component
public class HashingPool implements DisposableBean {

    private static final long SLACK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ThreadPoolExecutor executor;
    private final int threads;
    private final Duration maxWait;
    // Checks submitted and not finished (queued or running).
    private final AtomicInteger pending = new AtomicInteger();
    // Moving average of one task's run time; seeded by the first task or calibrate().
    private final AtomicLong meanNanos = new AtomicLong();
    private final Timer waitTimer;
    private final Timer runTimer;
    private final Counter rejected;

    public HashingPool(HashingProperties properties, MeterRegistry registry) {
        this.threads = properties.threadCount();
        this.maxWait = properties.maxWait();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(properties.maxQueue()), task -> {
                    Thread t = new Thread(task, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        Gauge.builder("user_service.hashing.queue", executor, e -> e.getQueue().size())
                .description("Password checks waiting for a hashing thread")
                .register(registry);
        Gauge.builder("user_service.hashing.threads", () -> threads)
                .description("Hashing threads (one per core unless HASHING_THREADS is set)")
                .register(registry);
        waitTimer = Timer.builder("user_service.hashing.wait")
                .description("Time a password check waited for a hashing thread")
                .publishPercentileHistogram()
                .register(registry);
        runTimer = Timer.builder("user_service.hashing.check")
                .description("Time of one password check or hash on its thread")
                .register(registry);
        rejected = Counter.builder("user_service.hashing.rejected")
                .description("Password checks refused with 503: the expected wait exceeded HASHING_MAX_WAIT, or the"
                        + " login queue had no room or no turn for them within it")
                .register(registry);
    }

    /** How many checks run at once. */
    int threads() {
        return threads;
    }

    /** The longest a check may wait for a thread. */
    Duration maxWait() {
        return maxWait;
    }

    /** Counts a check refused before it reached the pool (the login queue's refusals), as one refused here. */
    HashingOverloadedException refusedElsewhere(Duration retryAfter) {
        return overloaded(retryAfter);
    }

    /** Seeds the estimate of one task's time before any has run (the decoy hash, made on first need). */
    void calibrate(Duration oneTask) {
        meanNanos.compareAndSet(0, Math.max(1, oneTask.toNanos()));
    }

    /**
     * Refuses early, before the caller does any other work, when a task submitted now would wait too long.
     *
     * @throws HashingOverloadedException when it would
     */
    public void requireCapacity() {
        Duration expected = expectedWait(pending.get());
        if (expected.compareTo(maxWait) > 0) {
            throw overloaded(expected);
        }
    }

    /**
     * Runs the task on a hashing thread and returns its result, waiting at most about {@code maxWait} for a thread.
     *
     * @throws HashingOverloadedException when the wait would be (or turned out) longer
     */
    <T> T run(Supplier<T> task) {
        int ahead = pending.getAndIncrement();
        Duration expected = expectedWait(ahead);
        if (expected.compareTo(maxWait) > 0) {
            pending.decrementAndGet();
            throw overloaded(expected);
        }
        long submitted = System.nanoTime();
        Future<T> future;
        try {
            future = executor.submit(() -> {
                long started = System.nanoTime();
                waitTimer.record(started - submitted, TimeUnit.NANOSECONDS);
                try {
                    return task.get();
                } finally {
                    long took = System.nanoTime() - started;
                    runTimer.record(took, TimeUnit.NANOSECONDS);
                    meanNanos.updateAndGet(mean -> mean == 0 ? took : mean + (took - mean) / 8);
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException full) {
            pending.decrementAndGet();
            throw overloaded(expected);
        }
        return await(future, submitted);
    }

    private <T> T await(Future<T> future, long submitted) {
        try {
            try {
                // The estimate can be wrong (the cores are shared): well past the bound, give up unless the task has
                // started. The extra second keeps scheduling noise from refusing checks that were about to run.
                long budget = maxWait.toNanos() + 2 * meanNanos.get() + SLACK_NANOS - (System.nanoTime() - submitted);
                return future.get(Math.max(budget, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                if (future.cancel(false)) {
                    // Never started: the pool bookkeeping is ours to undo.
                    pending.decrementAndGet();
                    throw overloaded(Duration.ofNanos(System.nanoTime() - submitted));
                }
                return future.get();
            }
        } catch (CancellationException e) {
            throw overloaded(maxWait);
        } catch (InterruptedException e) {
            if (future.cancel(false)) {
                pending.decrementAndGet();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a password check", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** With {@code ahead} tasks queued or running, how long a new one waits for a thread. */
    private Duration expectedWait(int ahead) {
        if (ahead < threads) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((ahead - threads + 1) * meanNanos.get() / threads);
    }

    private HashingOverloadedException overloaded(Duration expected) {
        rejected.increment();
        // The queue drains at the same rate it filled: about the expected wait from now, at least a second.
        return new HashingOverloadedException(
                expected.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : expected);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
