package org.llmtutor.userservice.auth.login.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.llmtutor.userservice.auth.login.LoginThrottle;
import org.llmtutor.userservice.user.HashingOverloadedException;
import org.llmtutor.userservice.user.PasswordHasher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Admission of logins to this instance's hashing pool, by count rather than by a time estimate (which overload itself
 * inflates): at most {@code concurrentChecks} logins are past the queue at once, enough to keep every hashing thread
 * busy; up to {@code maxLength} more wait, and a slot that frees goes to the waiting client holding the fewest slots
 * (among equals in turn, one login each), so one address flooding gets its turn like any other and a newcomer gets the
 * next slot. One client (address) never holds every slot: one
 * is left for a second client, which is then admitted at once. When the queue is full, the client with the most
 * waiting logins loses its newest one to a newcomer with fewer (a newcomer with as many is refused). A refusal is
 * {@link HashingOverloadedException} (503).
 *
 * <p>In JVM memory on purpose, unlike the brute-force rules: it rations this instance's cores, which no other instance
 * shares. Every data rule (allowances, locks) stays in the database, in {@link LoginThrottle}.
 */
@Component
public class LoginQueue {

    private final int slots;
    private final int perClient;
    private final int maxLength;
    private final Duration maxWait;
    private final Duration retryAfter;
    private final Function<Duration, HashingOverloadedException> refusals;
    private final ReentrantLock lock = new ReentrantLock();
    // Clients with a slot or a waiting login; the others are forgotten.
    private final Map<String, Client> clients = new HashMap<>();
    // Clients with waiting logins, in the order they get the next free slots.
    private final ArrayDeque<Client> turns = new ArrayDeque<>();
    private int inUse;
    private int waiting;

    @Autowired
    public LoginQueue(LoginQueueProperties properties, PasswordHasher hasher, MeterRegistry registry) {
        this(
                properties.concurrentChecks() > 0 ? properties.concurrentChecks() : hasher.concurrentChecks() + 2,
                properties.maxLength(),
                hasher.maxWait(),
                properties.refusalDelay(),
                hasher::refused,
                registry);
    }

    LoginQueue(
            int slots,
            int maxLength,
            Duration maxWait,
            Duration refusalDelay,
            Function<Duration, HashingOverloadedException> refusals,
            MeterRegistry registry) {
        this.slots = slots;
        this.perClient = Math.max(1, slots - 1);
        this.maxLength = maxLength;
        this.maxWait = maxWait;
        // What a client that honours it should wait: the refusal delay, at least a second (Retry-After's unit).
        this.retryAfter = refusalDelay.compareTo(Duration.ofSeconds(1)) > 0 ? refusalDelay : Duration.ofSeconds(1);
        this.refusals = refusals;
        Gauge.builder("user_service.login.queue", this, LoginQueue::waiting)
                .description("Logins waiting for a slot at the hashing pool")
                .register(registry);
    }

    /** A login past the queue; closing it frees its slot for the next waiting client. */
    public final class Slot implements AutoCloseable {
        private final Client client;
        private boolean closed;

        private Slot(Client client) {
            this.client = client;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    inUse--;
                    client.holding--;
                    handOff();
                    forgetIfIdle(client);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Admits one login from the client, waiting in the queue (holding the calling thread) when every slot it may take
     * is taken.
     *
     * @throws HashingOverloadedException when the queue has no room for it, it lost its place to another client's
     *     login, or it waited {@code HASHING_MAX_WAIT}, the longest a check may wait to start
     */
    public Slot enter(String address) {
        Waiter waiter;
        lock.lock();
        try {
            Client client = clients.computeIfAbsent(address == null ? "" : address, Client::new);
            if (client.waiters.isEmpty() && mayTakeSlot(client)) {
                return grant(client);
            }
            if (waiting >= maxLength && !evictFromLongerQueueThan(client)) {
                forgetIfIdle(client);
                throw refused();
            }
            waiter = new Waiter(client);
            if (client.waiters.isEmpty()) {
                turns.addLast(client);
            }
            client.waiters.addLast(waiter);
            waiting++;
            // A slot may be free that only this client's share kept from the others: hand it on now.
            handOff();
        } finally {
            lock.unlock();
        }
        return await(waiter);
    }

    private Slot await(Waiter waiter) {
        boolean interrupted = false;
        try {
            waiter.admitted.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        lock.lock();
        try {
            if (waiter.slot != null) {
                return waiter.slot;
            }
            if (!waiter.evicted) {
                Client client = waiter.client;
                client.waiters.remove(waiter);
                waiting--;
                if (client.waiters.isEmpty()) {
                    turns.remove(client);
                }
                forgetIfIdle(client);
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        throw refused();
    }

    private boolean mayTakeSlot(Client client) {
        return inUse < slots && client.holding < perClient;
    }

    private Slot grant(Client client) {
        inUse++;
        client.holding++;
        return new Slot(client);
    }

    /**
     * Gives free slots to waiting logins: first to the clients holding the fewest slots (a newcomer before a flooding
     * address that already has its share running), among equals one per client in turn.
     */
    private void handOff() {
        while (inUse < slots) {
            Client next = null;
            for (Client candidate : turns) {
                if (mayTakeSlot(candidate) && (next == null || candidate.holding < next.holding)) {
                    next = candidate;
                }
            }
            if (next == null) {
                return;
            }
            turns.remove(next);
            Waiter waiter = next.waiters.pollFirst();
            waiting--;
            if (!next.waiters.isEmpty()) {
                turns.addLast(next);
            }
            waiter.slot = grant(next);
            waiter.admitted.countDown();
        }
    }

    /** Makes room for the client by refusing the newest login of the client with the most waiting, if it has more. */
    private boolean evictFromLongerQueueThan(Client client) {
        Client longest = null;
        for (Client candidate : turns) {
            if (longest == null || candidate.waiters.size() > longest.waiters.size()) {
                longest = candidate;
            }
        }
        if (longest == null || longest.waiters.size() <= client.waiters.size() + 1) {
            return false;
        }
        Waiter evicted = longest.waiters.pollLast();
        // It had at least two waiting, so it keeps its turn.
        waiting--;
        evicted.evicted = true;
        evicted.admitted.countDown();
        return true;
    }

    private void forgetIfIdle(Client client) {
        if (client.holding == 0 && client.waiters.isEmpty()) {
            clients.remove(client.address);
        }
    }

    private HashingOverloadedException refused() {
        return refusals.apply(retryAfter);
    }

    /** Slots in all (at most one fewer for any one client). */
    int slots() {
        return slots;
    }

    /** Logins waiting in the queue. */
    int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    private static final class Client {
        final String address;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
        int holding;

        Client(String address) {
            this.address = address;
        }
    }

    private static final class Waiter {
        final Client client;
        final CountDownLatch admitted = new CountDownLatch(1);
        // Both set under the lock, and read under it.
        Slot slot;
        boolean evicted;

        Waiter(Client client) {
            this.client = client;
        }
    }
}
