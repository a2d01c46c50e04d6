package org.llmtutor.userservice.auth.login.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Await;
import org.llmtutor.userservice.user.HashingOverloadedException;

/** The queue's rules on their own: shares, turns and the bound. Waiters are real threads; nothing is timed. */
class LoginQueueTest {

    // Long enough never to run out while a test runs: the refusal for waiting too long is not what these prove.
    private static final Duration NO_TIMEOUT = Duration.ofMinutes(5);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static LoginQueue queue(int slots, int maxLength, Duration maxWait) {
        return new LoginQueue(
                slots,
                maxLength,
                maxWait,
                Duration.ofSeconds(1),
                HashingOverloadedException::new,
                new SimpleMeterRegistry());
    }

    /** Enters on a thread of its own and returns once it waits in the queue; the future completes with its slot. */
    private CompletableFuture<LoginQueue.Slot> waitInQueue(LoginQueue queue, String client) {
        int before = queue.waiting();
        CompletableFuture<LoginQueue.Slot> slot = CompletableFuture.supplyAsync(() -> queue.enter(client), threads);
        awaitWaiting(queue, before + 1);
        return slot;
    }

    private static void awaitWaiting(LoginQueue queue, int count) {
        Await.until(() -> queue.waiting() == count);
    }

    @Test
    void oneAddressNeverHoldsTheLastSlotSoASecondClientIsAdmittedAtOnce() {
        LoginQueue queue = queue(3, 0, NO_TIMEOUT);
        queue.enter("203.0.113.1");
        queue.enter("203.0.113.1");

        // With no room to wait, the flooding address is refused rather than take the last slot...
        assertThatThrownBy(() -> queue.enter("203.0.113.1")).isInstanceOf(HashingOverloadedException.class);
        // ...which another client gets without waiting.
        assertThat(queue.enter("198.51.100.7")).isNotNull();
    }

    @Test
    void freedSlotsGoToTheWaitingClientsInTurnNotInArrivalOrder() throws Exception {
        LoginQueue queue = queue(1, 10, NO_TIMEOUT);
        LoginQueue.Slot running = queue.enter("192.0.2.1");
        List<String> admitted = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            enterAndRecord(queue, "203.0.113.1", admitted);
            awaitWaiting(queue, i + 1);
        }
        enterAndRecord(queue, "198.51.100.7", admitted);
        awaitWaiting(queue, 4);

        running.close();

        Await.until(() -> admitted.size() == 4);
        assertThat(admitted).containsExactly("203.0.113.1", "198.51.100.7", "203.0.113.1", "203.0.113.1");
    }

    /** Each admitted login records its client and frees its slot at once, admitting the next. */
    private void enterAndRecord(LoginQueue queue, String client, List<String> admitted) {
        threads.submit(() -> {
            try (LoginQueue.Slot slot = queue.enter(client)) {
                admitted.add(client);
            }
        });
    }

    @Test
    void aFullQueueGivesTheNewestPlaceOfTheClientWithTheMostWaitingToANewClient() throws Exception {
        LoginQueue queue = queue(1, 2, NO_TIMEOUT);
        LoginQueue.Slot running = queue.enter("192.0.2.1");
        CompletableFuture<LoginQueue.Slot> oldest = waitInQueue(queue, "203.0.113.1");
        CompletableFuture<LoginQueue.Slot> newest = waitInQueue(queue, "203.0.113.1");

        CompletableFuture<LoginQueue.Slot> newcomer =
                CompletableFuture.supplyAsync(() -> queue.enter("198.51.100.7"), threads);

        assertThatThrownBy(newest::get).hasCauseInstanceOf(HashingOverloadedException.class);
        awaitWaiting(queue, 2);
        // Now both have one waiting: the flooding address gets no further place.
        assertThatThrownBy(() -> queue.enter("203.0.113.1")).isInstanceOf(HashingOverloadedException.class);
        running.close();
        oldest.get().close();
        assertThat(newcomer.get()).isNotNull();
    }

    @Test
    void aClientWithAsManyWaitingAsAnyOtherIsRefusedWhenTheQueueIsFull() throws Exception {
        LoginQueue queue = queue(1, 1, NO_TIMEOUT);
        LoginQueue.Slot running = queue.enter("192.0.2.1");
        CompletableFuture<LoginQueue.Slot> waiting = waitInQueue(queue, "203.0.113.1");

        assertThatThrownBy(() -> queue.enter("198.51.100.7")).isInstanceOf(HashingOverloadedException.class);
        assertThatThrownBy(() -> queue.enter("203.0.113.1")).isInstanceOf(HashingOverloadedException.class);
        running.close();
        assertThat(waiting.get()).isNotNull();
    }

    @Test
    void aLoginThatCannotBeAdmittedWithinTheMaximumWaitIsRefusedAndLeavesTheQueue() {
        LoginQueue queue = queue(1, 10, Duration.ZERO);
        queue.enter("192.0.2.1");

        assertThatThrownBy(() -> queue.enter("203.0.113.1")).isInstanceOf(HashingOverloadedException.class);
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void everySlotClosedAdmitsAsManyAsTheSlotsAgain() throws ExecutionException, InterruptedException {
        LoginQueue queue = queue(2, 0, NO_TIMEOUT);
        LoginQueue.Slot first = queue.enter("203.0.113.1");
        LoginQueue.Slot second = queue.enter("198.51.100.7");
        first.close();
        first.close(); // a second close frees nothing more
        second.close();

        assertThat(queue.enter("203.0.113.1")).isNotNull();
        assertThat(queue.enter("198.51.100.7")).isNotNull();
        assertThatThrownBy(() -> queue.enter("192.0.2.1")).isInstanceOf(HashingOverloadedException.class);
    }
}
