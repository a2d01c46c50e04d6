package org.llmtutor.userservice.auth.login.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.Await;
import org.llmtutor.userservice.support.CountingPasswordEncoder;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 23 through HTTP: the login queue in front of the password check. The test takes slots and queue places itself
 * (as other addresses would), then logs in over HTTP from 127.0.0.1.
 */
class LoginQueueOverloadTest extends IntegrationTest {

    private static final String FLOODER = "203.0.113.9";

    @Autowired
    LoginQueue queue;

    @Autowired
    LoginQueueProperties properties;

    @Autowired
    CountingPasswordEncoder encoder;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<LoginQueue.Slot> held = new ArrayList<>();
    private final List<CompletableFuture<LoginQueue.Slot>> waiters = new ArrayList<>();

    @AfterEach
    void freeTheQueue() throws Exception {
        held.forEach(LoginQueue.Slot::close);
        for (CompletableFuture<LoginQueue.Slot> waiter : waiters) {
            waiter.get().close();
        }
        threads.shutdownNow();
    }

    /** Takes every slot, as two other addresses would (one address alone may not take the last). */
    private void holdEverySlot() {
        for (int i = 1; i < queue.slots(); i++) {
            held.add(queue.enter(FLOODER));
        }
        held.add(queue.enter("203.0.113.10"));
    }

    /** Fills the whole queue with this client's own logins (the suite's requests come from 127.0.0.1). */
    private void fillTheQueueFromThisClient() {
        for (int i = 0; i < properties.maxLength(); i++) {
            waitInQueue("127.0.0.1");
        }
    }

    private void waitInQueue(String client) {
        waiters.add(CompletableFuture.supplyAsync(() -> queue.enter(client), threads));
        Await.until(() -> queue.waiting() == waiters.size());
    }

    @Test
    void aSecondClientsLoginIsAdmittedWhileOneAddressHoldsItsShareAndWaitsForMore() {
        User user = newUser(Role.USER);
        for (int i = 1; i < queue.slots(); i++) {
            held.add(queue.enter(FLOODER));
        }
        waitInQueue(FLOODER);

        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    void aLoginRefusedByAFullQueueIsA503WithRetryAfterAndADetailAndChecksNoPassword() {
        User user = newUser(Role.USER);
        holdEverySlot();
        // The whole queue is this client's own: no place to take from another.
        fillTheQueueFromThisClient();
        long checks = encoder.verifications();

        Api.Response login = api().login(user.getUsername(), PASSWORD);
        Api.Response token = api().postForm(
                        "/auth/token",
                        Map.of("grant_type", "password", "username", user.getUsername(), "password", PASSWORD));

        for (Api.Response refused : List.of(login, token)) {
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.detail()).isEqualTo("Too many logins at once; try again shortly");
        }
        assertThat(encoder.verifications()).isEqualTo(checks);
    }

    @Test
    void aRefreshAtTheTokenEndpointChecksNoPasswordSoItDoesNotQueue() {
        holdEverySlot();
        fillTheQueueFromThisClient();

        Api.Response refresh =
                api().postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", "not-a-token"));

        assertThat(refresh.status()).isEqualTo(401);
    }
}
