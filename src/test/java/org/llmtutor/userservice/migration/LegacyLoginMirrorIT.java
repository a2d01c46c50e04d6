package org.llmtutor.userservice.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.login.LoginLocks;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TestDatabase;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * On a Python-era database, the username-wide lock state is mirrored into the Python columns
 * {@code users.failed_login_attempts} and {@code users.locked_until} in the same transaction that changes it, so that the
 * Python service, started on this database after this one stops, sees the same username locks.
 */
class LegacyLoginMirrorIT {

    private static final String PASSWORD = "legacy_password";

    record PythonView(int failedLoginAttempts, OffsetDateTime lockedUntil) {}

    @Test
    void pythonColumnsFollowTheUsernameWideLockButNotPerClientLocks() throws Exception {
        String url = TestDatabase.newDatabase("legacy_mirror");
        try (InputStream in = LegacyLoginMirrorIT.class.getResourceAsStream("/legacy/legacy-schema.sql");
                Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            // The sample's cost-12 hashes would make the 25 checks below slow; the cost is not what is tested here.
            s.execute("UPDATE users SET hashed_password = '" + new BCryptPasswordEncoder(4).encode(PASSWORD) + "'");
        }
        try (AppInstance app = AppInstance.start(AppInstance.onDatabase(url, "app.web.trusted-proxies=127.0.0.1/32"))) {
            Api api = app.api();
            // Adopted as the Python service left it: alice had 2 failures.
            assertThat(view(url, "legacy_alice")).isEqualTo(new PythonView(2, null));

            assertThat(api.loginFrom("192.0.2.1", "legacy_alice", "wrong").status())
                    .isEqualTo(401);
            assertThat(view(url, "legacy_alice")).isEqualTo(new PythonView(3, null));
            // A success clears the client's count but not the username-wide one (it counts within its window).
            assertThat(api.loginFrom("192.0.2.2", "legacy_alice", PASSWORD).status())
                    .isEqualTo(200);
            assertThat(view(url, "legacy_alice")).isEqualTo(new PythonView(3, null));

            // 17 more failures, each from its own address, reach the username-wide threshold (20): locked for all.
            for (int i = 0; i < 17; i++) {
                assertThat(api.loginFrom("198.51.100." + (i + 1), "legacy_alice", "wrong")
                                .status())
                        .isEqualTo(401);
            }
            PythonView locked = view(url, "legacy_alice");
            assertThat(locked.failedLoginAttempts()).isZero();
            assertThat(locked.lockedUntil()).isAfter(OffsetDateTime.now());
            assertThat(locked.lockedUntil())
                    .isEqualTo(timestamp(
                            url,
                            "SELECT locked_until FROM login_attempts WHERE username = 'legacy_alice' AND client = ''"));
            assertThat(api.loginFrom("203.0.113.9", "legacy_alice", PASSWORD).status())
                    .isEqualTo(403);

            // Five failures from one address lock that address only: nothing for Python to see but the count.
            for (int i = 0; i < 5; i++) {
                api.loginFrom("192.0.2.50", "legacy_dev", "wrong");
            }
            assertThat(api.loginFrom("192.0.2.50", "legacy_dev", PASSWORD).status())
                    .isEqualTo(403);
            assertThat(view(url, "legacy_dev")).isEqualTo(new PythonView(5, null));

            // The admin's unlock clears the mirror with the records.
            app.bean(LoginLocks.class).clear("legacy_alice");
            assertThat(view(url, "legacy_alice")).isEqualTo(new PythonView(0, null));
            assertThat(api.loginFrom("192.0.2.1", "legacy_alice", PASSWORD).status())
                    .isEqualTo(200);
        }
    }

    private static PythonView view(String url, String username) throws SQLException {
        try (Connection c = TestDatabase.connect(url);
                PreparedStatement s = c.prepareStatement(
                        "SELECT failed_login_attempts, locked_until FROM users WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new PythonView(rs.getInt(1), rs.getObject(2, OffsetDateTime.class));
            }
        }
    }

    private static OffsetDateTime timestamp(String url, String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }
}
