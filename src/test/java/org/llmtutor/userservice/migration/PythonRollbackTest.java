package org.llmtutor.userservice.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The rollback path of docs/operations.md: after this service ran on a Python-era database, stopping it and starting
 * the Python service on the same database loses nothing. The Python service is not available to the tests, so they read
 * the Python-era tables with the columns its models map, and write them the way it writes, then start this service
 * again on the result.
 */
class PythonRollbackTest {

    private static final String ALICE = "6f1c2f0e-3b1a-4c55-9b0e-1d2a3b4c5d6e";
    private static final String LEGACY_PASSWORD = "legacy_password";
    private static final String NEW_PASSWORD = "a new long password";

    private String url;

    @BeforeEach
    void loadPythonEraDatabase() throws Exception {
        url = TestDatabase.newDatabase("rollback");
        try (InputStream in = PythonRollbackTest.class.getResourceAsStream("/legacy/legacy-schema.sql");
                Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void afterLoginsSettingsSessionsXpAndQuizResultsThePythonEraTablesReadAsThePythonServiceExpects() throws Exception {
        String bobId;
        try (AppInstance app = AppInstance.start(AppInstance.onDatabase(url))) {
            Api api = app.api();
            String alice = api.token("legacy_alice", LEGACY_PASSWORD);
            bobId = app.bean(UserService.class)
                    .create("bob", "bob's long password", Role.USER)
                    .getId()
                    .toString();
            String bob = api.token("bob", "bob's long password");
            for (int i = 0; i < 5; i++) {
                assertThat(api.login("legacy_dev", "wrong password").status()).isEqualTo(401);
            }
            assertThat(api.login("legacy_dev", LEGACY_PASSWORD).status()).isEqualTo(403);

            assertThat(api.postJson(
                                    "/settings/" + ALICE,
                                    "{\"agent\":{\"provider\":\"mistral\",\"model\":\"mistral-large-latest\"},"
                                            + "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o\"},"
                                            + "\"quiz\":{\"provider\":\"openrouter\",\"model\":\"anthropic/claude-3-5-sonnet\"},"
                                            + "\"identityId\":\"researcher_man\"}",
                                    alice)
                            .status())
                    .isEqualTo(200);
            assertThat(api.method(
                                    "PATCH",
                                    "/settings/" + bobId,
                                    "application/json",
                                    "{\"agent\":{\"provider\":\"zai\",\"model\":\"glm-4.6\"}}",
                                    bob)
                            .status())
                    .isEqualTo(200);
            assertThat(api.postJson(
                                    "/sessions/",
                                    "{\"user_id\":\"" + ALICE
                                            + "\",\"session_id\":\"legacy_alice_new\",\"title\":\"New\"}",
                                    alice)
                            .status())
                    .isEqualTo(200);
            assertThat(api.delete("/sessions/legacy_alice_4e5f6a7b", alice).status())
                    .isEqualTo(200);
            assertThat(api.postJson("/profile/" + ALICE + "/add_xp", "{\"amount\":20}", alice)
                            .json()
                            .get("new_xp")
                            .asInt())
                    .isEqualTo(250);
            assertThat(api.postJson(
                                    "/quiz/results",
                                    "{\"user_id\":\"" + ALICE + "\",\"quiz_id\":\"exam-02\",\"score\":60,"
                                            + "\"details\":{\"total\":5,\"correct\":3}}",
                                    alice)
                            .status())
                    .isEqualTo(201);
            assertThat(api.postJson(
                                    "/auth/password",
                                    "{\"current_password\":\"bob's long password\",\"new_password\":\"" + NEW_PASSWORD
                                            + "\"}",
                                    bob)
                            .status())
                    .isEqualTo(200);
        }

        // The service is stopped. Now the Python service's view: its models' columns, nothing else.
        try (SingleConnectionDataSource ds = dataSource()) {
            JdbcClient db = JdbcClient.create(ds);
            assertThat(db.sql("SELECT version_num FROM alembic_version")
                            .query(String.class)
                            .single())
                    .as("Alembic sees its own head and migrates nothing")
                    .isEqualTo("eefcc9832520");

            List<Map<String, Object>> users = db.sql("SELECT id, username, hashed_password, is_active, created_at, xp,"
                            + " role, failed_login_attempts, locked_until FROM users ORDER BY username")
                    .query()
                    .listOfRows();
            assertThat(users).extracting(u -> u.get("username")).containsExactly("bob", "legacy_alice", "legacy_dev");
            for (Map<String, Object> user : users) {
                assertThat(user.get("is_active")).as("is_active").isEqualTo(Boolean.TRUE);
                assertThat(user.get("created_at")).as("created_at").isNotNull();
                assertThat((String) user.get("role")).isIn("user", "developer", "admin");
                assertThat((String) user.get("hashed_password"))
                        .as("a bcrypt hash passlib verifies")
                        .matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
            }
            assertThat(passwordWorks(users.get(0), NEW_PASSWORD))
                    .as("bob's changed password")
                    .isTrue();
            assertThat(passwordWorks(users.get(1), LEGACY_PASSWORD)).isTrue();
            assertThat(users.get(1).get("xp")).isEqualTo(250);
            assertThat(users.get(2).get("role")).isEqualTo("developer");

            // One row per service as the Python service writes and reads them; the persona has no Python-era place.
            assertThat(db.sql("SELECT service_type || '=' || provider || '/' || model_name FROM user_settings"
                                    + " WHERE user_id = :id ORDER BY service_type")
                            .param("id", UUID.fromString(ALICE))
                            .query(String.class)
                            .list())
                    .containsExactly(
                            "agent=mistral/mistral-large-latest",
                            "quiz=openrouter/anthropic/claude-3-5-sonnet",
                            "rag=openai/gpt-4o");
            assertThat(db.sql("SELECT service_type || '=' || provider || '/' || model_name FROM user_settings"
                                    + " WHERE user_id = :id")
                            .param("id", UUID.fromString(bobId))
                            .query(String.class)
                            .list())
                    .containsExactly("agent=zai/glm-4.6");

            assertThat(db.sql("SELECT session_id || ':' || coalesce(title, '') FROM chat_sessions WHERE user_id = :id"
                                    + " ORDER BY created_at DESC")
                            .param("id", UUID.fromString(ALICE))
                            .query(String.class)
                            .list())
                    .containsExactly("legacy_alice_new:New", "legacy_alice_0a1b2c3d:Chat 2026-01-20 10:15");
            assertThat(db.sql("SELECT quiz_id || ':' || score || ':' || (details->>'correct') FROM quiz_results"
                                    + " ORDER BY created_at")
                            .query(String.class)
                            .list())
                    .containsExactly("exam-linear-models-01:80:4", "exam-02:60:3");

            // The Python service's own writes, with its models' columns only, still succeed on the adopted schema.
            UUID carol = UUID.randomUUID();
            db.sql("INSERT INTO users (id, username, hashed_password, is_active, created_at, xp, role,"
                            + " failed_login_attempts, locked_until) VALUES (:id, 'carol', :hash, true, now(), 0, 'user', 0,"
                            + " NULL)")
                    .param("id", carol)
                    .param("hash", users.get(1).get("hashed_password"))
                    .update();
            db.sql("INSERT INTO chat_sessions (id, user_id, session_id, title) VALUES (:id, :user, 'carol_1', NULL)")
                    .param("id", UUID.randomUUID())
                    .param("user", carol)
                    .update();
            db.sql("DELETE FROM user_settings WHERE user_id = :user")
                    .param("user", UUID.fromString(bobId))
                    .update();
            db.sql("INSERT INTO user_settings (id, user_id, service_type, provider, model_name) VALUES (:id, :user,"
                            + " 'rag', 'openai', 'gpt-4o-mini')")
                    .param("id", UUID.randomUUID())
                    .param("user", UUID.fromString(bobId))
                    .update();
            db.sql("UPDATE users SET xp = xp + 5 WHERE id = :id")
                    .param("id", UUID.fromString(ALICE))
                    .update();
        }

        // And back again: this service picks up what the Python service wrote.
        try (AppInstance again = AppInstance.start(AppInstance.onDatabase(url))) {
            String carol = again.api().token("carol", LEGACY_PASSWORD);
            Api.Response me = again.api().get("/auth/me", carol);
            String carolId = me.json().get("id").asString();
            assertThat(again.api().get("/sessions/user/" + carolId, carol).json())
                    .singleElement()
                    .satisfies(s -> assertThat(s.get("session_id").asString()).isEqualTo("carol_1"));
            String bob = again.api().token("bob", NEW_PASSWORD);
            assertThat(again.api()
                            .get("/settings/" + bobId, bob)
                            .json()
                            .get("rag")
                            .get("model")
                            .asString())
                    .isEqualTo("gpt-4o-mini");
            String alice = again.api().token("legacy_alice", LEGACY_PASSWORD);
            assertThat(again.api().get("/profile/" + ALICE + "/xp", alice).body())
                    .isEqualTo("{\"xp\":255}");
            assertThat(again.api()
                            .get("/settings/" + ALICE, alice)
                            .json()
                            .get("identityId")
                            .asString())
                    .as("the persona was kept in this service's own table meanwhile")
                    .isEqualTo("researcher_man");
        }
    }

    /**
     * The Python service reads {@code users.failed_login_attempts} and {@code users.locked_until}: they carry the
     * username-wide count and lock (LegacyLoginMirrorTest walks through the lock itself). A lock one client earned for
     * itself is invisible to the Python service, so it must not show there.
     */
    @Test
    void theUsernameWideLoginStateIsMirroredIntoThePythonEraColumns() throws Exception {
        try (AppInstance app = AppInstance.start(AppInstance.onDatabase(url))) {
            for (int i = 0; i < 5; i++) {
                assertThat(app.api().login("legacy_dev", "wrong password").status())
                        .isEqualTo(401);
            }
            assertThat(app.api().login("legacy_dev", "wrong password").status()).isEqualTo(403);
            assertThat(app.api().login("legacy_alice", LEGACY_PASSWORD).status())
                    .isEqualTo(200);
        }
        try (SingleConnectionDataSource ds = dataSource()) {
            JdbcClient db = JdbcClient.create(ds);
            assertThat(db.sql("SELECT failed_login_attempts FROM users WHERE username = 'legacy_dev'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(5);
            assertThat(db.sql("SELECT locked_until IS NULL FROM users WHERE username = 'legacy_dev'")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            // A success clears the client's record, not the username-wide count of its window (2 from the Python era).
            assertThat(db.sql("SELECT failed_login_attempts FROM users WHERE username = 'legacy_alice'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            assertThat(db.sql("SELECT locked_until IS NULL FROM users WHERE username = 'legacy_alice'")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        }
    }

    private static boolean passwordWorks(Map<String, Object> user, String password) {
        return BCrypt.checkpw(password, (String) user.get("hashed_password"));
    }

    private SingleConnectionDataSource dataSource() throws SQLException {
        return new SingleConnectionDataSource(TestDatabase.connect(url), true);
    }
}
