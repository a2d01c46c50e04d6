package org.llmtutor.userservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TcpProxy;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UserService;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The database goes away under a steady write load of 8 clients, through the suite's TCP proxy: cut (connections
 * refused and reset) and black-holed (accepted, never answered). With the shipped configuration every request that
 * needs the database answers 503 with Retry-After within 2 s, readiness says 503 within 2 s and UP within 2 s of the
 * return, the outage is one WARN and one INFO with no stack traces, and every acknowledged write is stored exactly once.
 * Longer outages can be measured with {@code -Doutage.cut.seconds=35}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    private static final long BOUND_MILLIS = 2_000;
    private static final int WRITERS = 8;
    private static final String READINESS = "/actuator/health/readiness";
    private static final String PASSWORD = "correct horse battery";

    private enum Breakage {
        CUT,
        BLACK_HOLE
    }

    record Call(int writer, String kind, long start, long end, int status, String retryAfter, String body) {

        long millis() {
            return end - start;
        }
    }

    record Probe(long at, int status) {}

    @Test
    void aCutDatabaseIsA503WithinTwoSecondsAndNoAcknowledgedWriteIsLost(CapturedOutput output) throws Exception {
        outage(Breakage.CUT, Duration.ofSeconds(Long.getLong("outage.cut.seconds", 10)), output);
    }

    @Test
    void aBlackHoledDatabaseIsA503WithinTwoSecondsAndNoAcknowledgedWriteIsLost(CapturedOutput output) throws Exception {
        outage(Breakage.BLACK_HOLE, Duration.ofSeconds(Long.getLong("outage.blackhole.seconds", 15)), output);
    }

    private void outage(Breakage breakage, Duration length, CapturedOutput output) throws Exception {
        String database = TestDatabase.newDatabase("outage");
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(database);
                AppInstance app = AppInstance.start(AppInstance.onDatabase(proxy.jdbcUrl(database)))) {
            Api api = app.api();
            List<User> users = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                User user = app.bean(UserService.class).create("writer_" + i, PASSWORD, Role.USER);
                users.add(user);
                tokens.add(api.token(user.getUsername(), PASSWORD));
            }
            List<Call> calls = Collections.synchronizedList(new ArrayList<>());
            List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
            Set<String> acknowledgedResults = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                pool.submit(() ->
                        write(api, users.get(writer), tokens.get(writer), writer, running, calls, acknowledgedResults));
            }
            pool.submit(() -> probe(api, running, probes));
            int outputBefore = output.getOut().length();

            Thread.sleep(2_000);
            long broken = System.currentTimeMillis();
            if (breakage == Breakage.CUT) {
                proxy.cut();
            } else {
                proxy.blackHole();
            }
            Thread.sleep(length.toMillis());
            long restored = System.currentTimeMillis();
            proxy.restore();
            // The end is logged once the database has answered for 2 s.
            Thread.sleep(6_000);
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            String log = output.getOut().substring(outputBefore);
            report(breakage, length, broken, restored, calls, probes, log);

            // Never anything but success or 503, and every 503 says when to come back, in a JSON detail.
            assertThat(calls)
                    .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 201, 503));
            assertThat(calls).filteredOn(c -> c.status() == 503).isNotEmpty().allSatisfy(c -> {
                assertThat(c.retryAfter()).as(c.toString()).isNotNull();
                assertThat(c.body()).contains("\"detail\":\"The database is not reachable");
            });
            // Every request that met the outage was answered within the bound of its start or of the outage's.
            assertThat(calls)
                    .filteredOn(c -> c.end() > broken && c.start() < restored)
                    .allSatisfy(c -> assertThat(c.end() - Math.max(c.start(), broken))
                            .as(c.toString())
                            .isLessThanOrEqualTo(BOUND_MILLIS));
            // Writes work again once the database is back.
            assertThat(calls)
                    .filteredOn(c -> c.start() > restored + BOUND_MILLIS && c.status() < 300)
                    .isNotEmpty();
            assertThat(firstAfter(probes, broken, 503))
                    .as("readiness 503 after the break")
                    .isLessThanOrEqualTo(broken + BOUND_MILLIS);
            assertThat(firstAfter(probes, restored, 200))
                    .as("readiness 200 after the return")
                    .isLessThanOrEqualTo(restored + BOUND_MILLIS);
            // One WARN when it started, one INFO when it ended, and no stack trace.
            assertThat(log.lines().filter(l -> l.contains("Database unreachable")))
                    .hasSize(1);
            assertThat(log.lines().filter(l -> l.contains("Database reachable again")))
                    .hasSize(1);
            assertThat(log.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by")))
                    .isEmpty();
            assertNoWriteLostOrDoubled(database, users, calls, acknowledgedResults);
        }
    }

    private static void write(
            Api api,
            User user,
            String token,
            int writer,
            AtomicBoolean running,
            List<Call> calls,
            Set<String> acknowledgedResults) {
        int n = 0;
        while (running.get()) {
            boolean xp = n++ % 2 == 0;
            String path = xp ? "/profile/" + user.getId() + "/add_xp" : "/quiz/results";
            String body = xp
                    ? "{\"amount\":1}"
                    : "{\"user_id\":\"" + user.getId() + "\",\"quiz_id\":\"w" + writer + "-" + n + "\",\"score\":50}";
            long start = System.currentTimeMillis();
            Api.Response r;
            try {
                r = api.send(api.request(path, token)
                        .timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
            } catch (RuntimeException e) {
                calls.add(new Call(
                        writer, xp ? "xp" : "quiz", start, System.currentTimeMillis(), -1, null, e.toString()));
                continue;
            }
            calls.add(new Call(
                    writer,
                    xp ? "xp" : "quiz",
                    start,
                    System.currentTimeMillis(),
                    r.status(),
                    r.header("Retry-After"),
                    r.body()));
            if (!xp && r.status() == 201) {
                acknowledgedResults.add(r.json().get("id").asString());
            }
            if (r.status() == 503) {
                sleep(100);
            }
        }
    }

    private static void probe(Api api, AtomicBoolean running, List<Probe> probes) {
        while (running.get()) {
            int status;
            try {
                status = api.send(api.request(READINESS, null)
                                .timeout(Duration.ofSeconds(15))
                                .GET())
                        .status();
            } catch (RuntimeException e) {
                status = -1;
            }
            probes.add(new Probe(System.currentTimeMillis(), status));
            sleep(100);
        }
    }

    /** Acknowledged adds and results are all stored; none is stored more often than it was attempted. */
    private static void assertNoWriteLostOrDoubled(
            String database, List<User> users, List<Call> calls, Set<String> acknowledgedResults) throws SQLException {
        try (Connection c = TestDatabase.connect(database)) {
            for (int w = 0; w < users.size(); w++) {
                int writer = w;
                long acked = calls.stream()
                        .filter(call -> call.writer() == writer && call.kind().equals("xp") && call.status() == 200)
                        .count();
                long attempted = calls.stream()
                        .filter(call -> call.writer() == writer && call.kind().equals("xp"))
                        .count();
                long xp = single(
                        c, "SELECT xp FROM users WHERE id = ?", users.get(w).getId());
                assertThat(xp).as("xp of writer %d", w).isBetween(acked, attempted);
                long results = single(
                        c,
                        "SELECT count(*) FROM quiz_results WHERE user_id = ?",
                        users.get(w).getId());
                long resultAttempts = calls.stream()
                        .filter(call -> call.writer() == writer && call.kind().equals("quiz"))
                        .count();
                assertThat(results).isLessThanOrEqualTo(resultAttempts);
            }
            for (String id : acknowledgedResults) {
                assertThat(single(c, "SELECT count(*) FROM quiz_results WHERE id = ?", UUID.fromString(id)))
                        .as("acknowledged result %s", id)
                        .isEqualTo(1);
            }
        }
    }

    private static long single(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long firstAfter(List<Probe> probes, long after, int status) {
        synchronized (probes) {
            return probes.stream()
                    .filter(p -> p.at() > after && p.status() == status)
                    .mapToLong(Probe::at)
                    .findFirst()
                    .orElse(Long.MAX_VALUE);
        }
    }

    /** The measured timings, for the record (surefire keeps them in the test's output file). */
    private static void report(
            Breakage breakage,
            Duration length,
            long broken,
            long restored,
            List<Call> calls,
            List<Probe> probes,
            String log) {
        synchronized (calls) {
            long during = calls.stream()
                    .filter(c -> c.end() > broken && c.start() < restored)
                    .count();
            long refused = calls.stream().filter(c -> c.status() == 503).count();
            long worst = calls.stream()
                    .filter(c -> c.end() > broken && c.start() < restored)
                    .mapToLong(c -> c.end() - Math.max(c.start(), broken))
                    .max()
                    .orElse(0);
            long ok = calls.stream()
                    .filter(c -> c.status() == 200 || c.status() == 201)
                    .count();
            System.out.printf(
                    "OUTAGE %s %d s: %d requests (%d ok, %d answered 503, %d met the outage), slowest answer after"
                            + " the break %d ms; readiness 503 after %d ms, 200 again %d ms after the return;"
                            + " %d log lines%n",
                    breakage,
                    length.toSeconds(),
                    calls.size(),
                    ok,
                    refused,
                    during,
                    worst,
                    firstAfter(probes, broken, 503) - broken,
                    firstAfter(probes, restored, 200) - restored,
                    log.lines().count());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
