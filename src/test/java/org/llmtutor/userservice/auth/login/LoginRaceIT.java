package org.llmtutor.userservice.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.TwoInstanceIT;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/** The failure counter is decided in the database, so two instances together let no more guesses through. */
class LoginRaceIT extends TwoInstanceIT {

    @Test
    void parallelWrongGuessesThroughTwoInstancesNeverGetMoreThanTheThresholdChecked() throws Exception {
        User user = newUser(Role.USER);
        List<Api> instances = List.of(api(), secondApi());
        int guesses = 30;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                Api api = instances.get(i % 2);
                String guess = "guess " + i;
                Callable<Integer> attempt = () -> {
                    start.await();
                    return api.login(user.getUsername(), guess).status();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
            // The rest are refused: 403 once the lock is on, or 429 if the checks in flight outlast the admission wait.
            assertThat(statuses).filteredOn(s -> s != 401).allMatch(s -> s == 403 || s == 429);
        } finally {
            pool.shutdownNow();
        }
    }
}
