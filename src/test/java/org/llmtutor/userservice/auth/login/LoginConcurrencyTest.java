package org.llmtutor.userservice.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.CountingPasswordEncoder;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.support.Parallel;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 11 on the shared test instance: concurrency of the throttle, and every check on the hashing pool. */
class LoginConcurrencyTest extends IntegrationTest {

    @Autowired
    CountingPasswordEncoder encoder;

    @Autowired
    MeterRegistry registry;

    @Test
    void thirtyTwoConcurrentCorrectLoginsOfOneUserAllSucceed() throws Exception {
        User user = newUser(Role.USER);

        List<Api.Response> results = Parallel.run(32, i -> api().login(user.getUsername(), PASSWORD));

        assertThat(results).extracting(Api.Response::status).containsOnly(200);
        assertThat(jdbc.sql("SELECT count(*) FROM login_attempts WHERE username = :u AND (failed_attempts > 0"
                                + " OR locked_until IS NOT NULL OR checks_in_flight > 0)")
                        .param("u", user.getUsername())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void twentyParallelWrongPasswordsGetAtMostFiveCheckedAndTheRightOneIsThenLockedOut() throws Exception {
        User user = newUser(Role.USER);
        long before = encoder.verifications();

        List<Integer> statuses = Parallel.run(
                20, i -> api().login(user.getUsername(), "wrong " + i).status());

        assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
        assertThat(statuses).filteredOn(s -> s != 401).allMatch(s -> s == 403 || s == 429);
        // A 403 costs a decoy check (a locked answer takes as long as a wrong password); a 429 checks nothing.
        long checkedOrDecoy =
                statuses.stream().filter(s -> s == 401 || s == 403).count();
        assertThat(encoder.verifications() - before).isEqualTo(checkedOrDecoy);
        Api.Response right = api().login(user.getUsername(), PASSWORD);
        assertThat(right.status()).isEqualTo(403);
        assertThat(right.detail()).startsWith("Account is locked");
    }

    @Test
    void forwardedForIsIgnoredWithoutTrustedProxiesSoSpoofedAddressesShareOneLock() {
        User user = newUser(Role.USER);
        for (int i = 1; i <= 5; i++) {
            assertThat(api().loginFrom("203.0.113." + i, user.getUsername(), "wrong")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(api().loginFrom("198.51.100.7", user.getUsername(), PASSWORD).status())
                .isEqualTo(403);
    }

    @Test
    void checksStillInFlightHoldTheAllowanceUntilTheirReservationExpires() {
        User user = newUser(Role.USER);
        // Five checks of another instance that died mid-check: their reservations ran out a second ago.
        jdbc.sql("INSERT INTO login_attempts (username, client, checks_in_flight, checks_expire_at, last_attempt_at)"
                        + " VALUES (:u, '127.0.0.1', 5, :ex, :ex)")
                .param("u", user.getUsername())
                .param("ex", clock.instant().minusSeconds(1).atOffset(java.time.ZoneOffset.UTC))
                .update();

        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void everyPasswordCheckRunsOnTheHashingPoolTheDecoyToo() {
        User user = newUser(Role.USER);
        String locked = uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            api().login(locked, "wrong");
        }
        long offPool = encoder.offPool();
        double waits = hashingWaits();

        api().login(user.getUsername(), PASSWORD); // correct
        api().login(user.getUsername(), "wrong"); // wrong password
        api().login(uniqueName("nobody"), "wrong"); // unknown user: the decoy
        api().login(locked, "wrong"); // locked: the decoy
        api().login("x".repeat(300), "wrong"); // untracked username: the decoy
        api().postJson(
                        "/auth/password",
                        "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"another long password\"}",
                        api().token(user.getUsername(), PASSWORD)); // a login, a check and a new hash

        assertThat(encoder.offPool() - offPool).isZero();
        assertThat(hashingWaits() - waits).isEqualTo(8);
    }

    private double hashingWaits() {
        return registry.get("user_service.hashing.wait").timer().count();
    }
}
