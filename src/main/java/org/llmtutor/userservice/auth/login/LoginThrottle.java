package org.llmtutor.userservice.auth.login;

import static org.llmtutor.userservice.auth.login.LoginAttemptRepository.USERNAME_WIDE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.llmtutor.userservice.auth.login.LoginAttemptRepository.LoginAttempt;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force protection, decided in the database under row locks so that it holds across instances. Two counters
 * per attempt: the client's (username + client address: {@code maxFailedAttempts} failures in a row lock the username
 * for that client) and the username's ({@code usernameMaxFailedAttempts} failures within a window lock it for
 * everyone, which stops guessing spread over many addresses).
 *
 * <p>A check that is running holds a place in both allowances until it is settled: failures plus checks in flight
 * never exceed the allowance, so however many guesses arrive at once, no more wrong passwords are checked than the
 * threshold before the lock. An attempt that finds the allowance taken by checks still running is not refused: it
 * waits for them (up to {@code admissionWait}), then gets {@link LoginThrottledException}. A correct password is never
 * refused because of other checks.
 */
@Service
public class LoginThrottle {

    static final Duration IDLE_RECORD_LIFETIME = Duration.ofDays(1);
    // A check that has not settled after this long will not (its instance died): it stops holding the allowance.
    static final Duration CHECK_RESERVATION = Duration.ofMinutes(1);
    // Waiters are woken by settles on this instance; this is how often they look for settles on other instances.
    private static final long POLL_MILLIS = 100;
    private static final int STRIPES = 64;

    private final LoginAttemptRepository attempts;
    private final LoginProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    // Monitors that settles notify, striped by username, so that waiters retry as soon as a place may be free.
    private final Object[] stripes = new Object[STRIPES];

    LoginThrottle(
            LoginAttemptRepository attempts,
            LoginProperties properties,
            Clock clock,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** One admitted check, to be settled with exactly one of succeeded, failed or released. */
    public record Ticket(String username, String client) {}

    /** Either a ticket, or the end of the lock that refuses this attempt. */
    public record Admission(Ticket ticket, Instant lockedUntil) {
        public boolean admitted() {
            return ticket != null;
        }
    }

    /**
     * Admits one password check for the username from the client, waiting while checks in flight hold the allowance.
     *
     * @throws LoginThrottledException when the allowance stays taken for longer than the admission wait
     */
    public Admission admit(String username, String client) {
        long deadline = System.nanoTime() + properties.admissionWait().toNanos();
        while (true) {
            Admission admission = transactions.execute(tx -> tryAdmit(username, client));
            if (admission != null) {
                return admission;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LoginThrottledException(Duration.ofSeconds(1));
            }
            awaitSettle(username, Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MILLIS));
        }
    }

    /** Null when the allowance is held by checks in flight. */
    private Admission tryAdmit(String username, String client) {
        Instant now = clock.instant();
        // Always the username-wide row first, then the client's: one order, no deadlocks.
        Counter wide = new Counter(attempts.lock(username, USERNAME_WIDE, now), now, true);
        Counter own = new Counter(attempts.lock(username, client, now), now, false);
        Instant lockedUntil = later(wide.lockedUntil, own.lockedUntil);
        if (lockedUntil != null) {
            // Refused without counting, so failures made while locked never extend the lock.
            return new Admission(null, lockedUntil);
        }
        if (wide.held() >= properties.usernameMaxFailedAttempts() || own.held() >= properties.maxFailedAttempts()) {
            return null;
        }
        wide.inFlight++;
        own.inFlight++;
        save(username, USERNAME_WIDE, wide, now);
        save(username, client, own, now);
        return new Admission(new Ticket(username, client), null);
    }

    /** A correct password: the client's record is cleared; the username-wide count keeps its window. */
    @Transactional
    public void succeeded(Ticket ticket) {
        settle(ticket, (wide, own) -> {
            own.failures = 0;
            own.lockouts = 0;
            own.windowStart = null;
        });
    }

    /**
     * A wrong password: counts for the client and for the username, locking either at its threshold ({@link
     * LockoutStarted}).
     *
     * @return whether this failure started a lock
     */
    @Transactional
    public boolean failed(Ticket ticket) {
        boolean[] lockStarted = {false};
        settle(ticket, (wide, own) -> {
            lockStarted[0] |= own.fail(properties.maxFailedAttempts());
            lockStarted[0] |= wide.fail(properties.usernameMaxFailedAttempts());
        });
        if (lockStarted[0]) {
            events.publishEvent(new LockoutStarted(ticket.username(), ticket.client()));
        }
        return lockStarted[0];
    }

    /** The check did not happen (the hashing pool refused it, or something failed): nothing is counted. */
    @Transactional
    public void released(Ticket ticket) {
        settle(ticket, (wide, own) -> {});
    }

    private void settle(Ticket ticket, Outcome outcome) {
        Instant now = clock.instant();
        Counter wide = new Counter(attempts.lock(ticket.username(), USERNAME_WIDE, now), now, true);
        Counter own = new Counter(attempts.lock(ticket.username(), ticket.client(), now), now, false);
        wide.inFlight = Math.max(0, wide.inFlight - 1);
        own.inFlight = Math.max(0, own.inFlight - 1);
        outcome.apply(wide, own);
        save(ticket.username(), USERNAME_WIDE, wide, now);
        save(ticket.username(), ticket.client(), own, now);
        signalSettled(ticket.username());
    }

    /** Drops the records of usernames nobody has tried for a day (and that are not locked). */
    @Transactional
    public int forgetIdle() {
        Instant now = clock.instant();
        return attempts.deleteIdleSince(now.minus(IDLE_RECORD_LIFETIME), now);
    }

    private void save(String username, String client, Counter counter, Instant now) {
        attempts.update(username, client, counter.toRecord(now), now);
        if (counter.usernameWide && counter.mirrorChanged()) {
            attempts.mirrorToUser(username, counter.failures, counter.lockedUntil);
        }
    }

    private interface Outcome {
        void apply(Counter wide, Counter own);
    }

    /** A row as this attempt sees it: an ended lock, an ended window or expired reservations already cleared. */
    private final class Counter {
        final boolean usernameWide;
        final Instant now;
        final int storedFailures;
        final Instant storedLock;
        int failures;
        Instant lockedUntil;
        int lockouts;
        int inFlight;
        Instant windowStart;

        Counter(LoginAttempt row, Instant now, boolean usernameWide) {
            this.usernameWide = usernameWide;
            this.now = now;
            this.storedFailures = row.failedAttempts();
            this.storedLock = row.lockedUntil();
            failures = row.failedAttempts();
            lockedUntil = row.lockedUntil();
            lockouts = row.lockouts();
            windowStart = row.windowStartedAt();
            inFlight = row.checksExpireAt() != null && row.checksExpireAt().isAfter(now) ? row.checksInFlight() : 0;
            if (lockedUntil != null && !lockedUntil.isAfter(now)) {
                // A lock that has run out starts a fresh count (the Python service kept relocking).
                lockedUntil = null;
                failures = 0;
                windowStart = null;
            }
            if (usernameWide
                    && windowStart != null
                    && !windowStart.plus(properties.usernameFailureWindow()).isAfter(now)) {
                failures = 0;
                windowStart = null;
            }
        }

        /** Places in the allowance taken: failures counted plus checks still running. */
        int held() {
            return failures + inFlight;
        }

        /** Counts one failure; returns whether it started a lock. */
        boolean fail(int threshold) {
            if (lockedUntil != null) {
                // Locked meanwhile by checks settled first; failures made while locked never extend the lock.
                return false;
            }
            if (failures == 0) {
                windowStart = now;
            }
            failures++;
            if (failures < threshold) {
                return false;
            }
            lockedUntil = now.plus(properties.lockDurationAfter(lockouts));
            lockouts++;
            failures = 0;
            windowStart = null;
            return true;
        }

        boolean mirrorChanged() {
            return failures != storedFailures || !Objects.equals(lockedUntil, storedLock);
        }

        LoginAttempt toRecord(Instant now) {
            return new LoginAttempt(
                    failures,
                    lockedUntil,
                    lockouts,
                    inFlight,
                    inFlight > 0 ? now.plus(CHECK_RESERVATION) : null,
                    windowStart);
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private Object stripe(String username) {
        return stripes[Math.floorMod(username.hashCode(), STRIPES)];
    }

    private void awaitSettle(String username, long millis) {
        Object stripe = stripe(username);
        // A little jitter, so that waiters polling for other instances' settles do not move in lockstep.
        long wait = Math.max(1, millis - ThreadLocalRandom.current().nextLong(Math.max(1, millis / 4)));
        synchronized (stripe) {
            try {
                stripe.wait(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoginThrottledException(Duration.ofSeconds(1));
            }
        }
    }

    private void signalSettled(String username) {
        Object stripe = stripe(username);
        synchronized (stripe) {
            stripe.notifyAll();
        }
    }
}
