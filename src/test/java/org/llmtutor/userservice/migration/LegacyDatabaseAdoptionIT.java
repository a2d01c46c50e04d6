package org.llmtutor.userservice.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TestDatabase;

/** A database the Python service left behind is adopted in place: every row kept, every password still working. */
class LegacyDatabaseAdoptionIT {

    private static final String ALICE = "6f1c2f0e-3b1a-4c55-9b0e-1d2a3b4c5d6e";
    private static final String LEGACY_PASSWORD = "legacy_password";
    private static String url;

    @BeforeAll
    static void loadLegacyDatabase() throws Exception {
        url = TestDatabase.newDatabase("legacy");
        try (InputStream in = LegacyDatabaseAdoptionIT.class.getResourceAsStream("/legacy/legacy-schema.sql");
                Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            // The Python service could store one service twice for a user; such rows must survive too.
            s.execute("INSERT INTO user_settings (id, user_id, service_type, provider, model_name) VALUES"
                    + " ('0b6e0c1a-1111-4a4a-9a9a-000000000000', '" + ALICE + "', 'agent', 'openai', 'gpt-4o')");
        }
    }

    @Test
    void adoptsPythonEraDatabaseKeepingEveryRowAndLegacyHashesKeepWorking() throws Exception {
        try (AppInstance app = AppInstance.start(AppInstance.onDatabase(url))) {
            assertThat(count("SELECT count(*) FROM users")).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM chat_sessions")).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM quiz_results")).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM user_settings")).isEqualTo(3);
            assertThat(count("SELECT count(*) FROM user_settings_legacy_duplicates"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM alembic_version")).isEqualTo(1);
            assertThat(count("SELECT xp FROM users WHERE username = 'legacy_alice'"))
                    .isEqualTo(230);
            assertThat(text("SELECT title FROM chat_sessions WHERE session_id = 'legacy_alice_0a1b2c3d'"))
                    .isEqualTo("Chat 2026-01-20 10:15");
            assertThat(text("SELECT details::text FROM quiz_results")).contains("\"correct\": 4");
            // The Python-era failure count is carried over into the new per-username counter.
            assertThat(count("SELECT failed_attempts FROM login_attempts WHERE username = 'legacy_alice'"))
                    .isEqualTo(2);

            Api.Response alice = app.api().login("legacy_alice", LEGACY_PASSWORD);
            assertThat(alice.status()).isEqualTo(200);
            assertThat(alice.json().get("user_id").asString()).isEqualTo(ALICE);
            // is_active was NULL in the Python era; it now means active.
            assertThat(app.api().login("legacy_dev", LEGACY_PASSWORD).status()).isEqualTo(200);
            Api.Response me =
                    app.api().get("/auth/me", alice.json().get("access_token").asString());
            assertThat(me.json().get("xp").asInt()).isEqualTo(230);
            assertThat(me.json().get("created_at").asString()).isEqualTo("2026-01-16T10:00:00.000000Z");
        }
        // A restart on the adopted database changes nothing and still logs in.
        try (AppInstance again = AppInstance.start(AppInstance.onDatabase(url))) {
            assertThat(again.api().login("legacy_alice", LEGACY_PASSWORD).status())
                    .isEqualTo(200);
            assertThat(count("SELECT count(*) FROM users")).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success"))
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void adoptedSchemaCascadesAUsersDataOnDelete() throws Exception {
        String own = TestDatabase.newDatabase("legacy_cascade");
        try (InputStream in = LegacyDatabaseAdoptionIT.class.getResourceAsStream("/legacy/legacy-schema.sql");
                Connection c = TestDatabase.connect(own);
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (AppInstance app = AppInstance.start(AppInstance.onDatabase(own));
                Connection c = TestDatabase.connect(own);
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM users WHERE id = '" + ALICE + "'");
            for (String table : new String[] {"chat_sessions", "quiz_results", "user_settings"}) {
                try (ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM " + table + " WHERE user_id = '" + ALICE + "'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as(table).isZero();
                }
            }
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String text(String sql) throws SQLException, IOException {
        try (Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
