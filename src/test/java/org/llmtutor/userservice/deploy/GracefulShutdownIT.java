package org.llmtutor.userservice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.Eventually;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UserService;

/**
 * A stopping instance lets go of its traffic in order (what a rolling restart behind a balancer relies on): readiness
 * refuses at once, requests are still served through the drain but told {@code Connection: close}, then the web server
 * stops accepting new connections and the request in flight still gets its answer before the pool closes.
 */
class GracefulShutdownIT {

    private static final String PASSWORD = "graceful shutdown password";

    @Test
    void onStopReadinessRefusesTheDrainStillServesWithConnectionCloseAndTheRequestInFlightSucceeds() throws Exception {
        String url = TestDatabase.newDatabase("drain");
        AppInstance instance = AppInstance.start(AppInstance.onDatabase(
                url,
                "app.shutdown.drain=2s",
                "spring.lifecycle.timeout-per-shutdown-phase=20s",
                "spring.datasource.hikari.maximum-pool-size=3"));
        CompletableFuture<Void> closing = null;
        try (Connection locker = TestDatabase.connect(url)) {
            Api api = instance.api();
            int port = instance.port();
            String name = "drain_" + UUID.randomUUID().toString().substring(0, 8);
            User user = instance.bean(UserService.class).create(name, PASSWORD, Role.USER);
            String token = api.token(name, PASSWORD);
            assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(api.get("/health", null).header("Connection")).isNull();

            // The request in flight: an XP add that waits for the user's row, held here until the server stops
            // accepting.
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("SELECT id FROM users WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, user.getId());
                lock.executeQuery().close();
            }
            CompletableFuture<Api.Response> inFlight = CompletableFuture.supplyAsync(
                    () -> api.postJson("/profile/" + user.getId() + "/add_xp", "{\"amount\":7}", token));
            Eventually.until(() -> waitsForALock(url), Duration.ofSeconds(10));

            closing = CompletableFuture.runAsync(instance::close);
            Eventually.until(() -> api.get("/actuator/health/readiness", null).status() == 503, Duration.ofSeconds(2));
            Api.Response duringDrain = api.get("/profile/" + user.getId() + "/xp", token);
            assertThat(duringDrain.status()).isEqualTo(200);
            assertThat(duringDrain.header("Connection")).isEqualToIgnoringCase("close");

            // After the drain the web server stops accepting: a new connection is refused, never answered with an
            // error.
            Eventually.until(() -> refusesConnections(port), Duration.ofSeconds(10));
            assertThat(inFlight).isNotDone();
            locker.commit();

            Api.Response answered = inFlight.get(15, TimeUnit.SECONDS);
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.json().get("new_xp").asInt()).isEqualTo(7);
            closing.get(30, TimeUnit.SECONDS);
            try (PreparedStatement xp = locker.prepareStatement("SELECT xp FROM users WHERE id = ?")) {
                xp.setObject(1, user.getId());
                try (ResultSet rs = xp.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(7);
                }
            }
        } finally {
            if (closing == null) {
                instance.close();
            }
        }
    }

    private static boolean waitsForALock(String url) {
        try (Connection c = TestDatabase.connect(url);
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
