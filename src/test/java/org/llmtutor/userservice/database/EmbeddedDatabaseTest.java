package org.llmtutor.userservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.UserService;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** With no database configured the service runs on an embedded database under its data directory. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void zeroSetupRunKeepsUsersAndTokensAcrossARestart() {
        String[] zeroSetup = {"app.data-dir=" + dataDir, "app.jwt.secret="};
        String token;
        try (AppInstance app = AppInstance.start(zeroSetup)) {
            app.bean(UserService.class).create("embedded_alice", "embedded password", Role.USER);
            assertThat(app.api().get("/health", null).status()).isEqualTo(200);
            token = app.api().token("embedded_alice", "embedded password");
            assertThat(app.api().get("/auth/me", token).status()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("user-service.mv.db")).exists();
        assertThat(dataDir.resolve("jwt-secret")).exists();

        try (AppInstance again = AppInstance.start(zeroSetup)) {
            assertThat(again.api().get("/auth/me", token).json().get("username").asString())
                    .isEqualTo("embedded_alice");
            assertThat(again.api().login("embedded_alice", "embedded password").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void tokenLifecycleSessionsAndAuditWorkOnTheEmbeddedDatabaseToo() {
        try (AppInstance app = AppInstance.start("app.data-dir=" + dataDir)) {
            app.bean(UserService.class).create("embedded_admin", "embedded password", Role.ADMIN);
            var pair = app.api()
                    .postForm(
                            "/auth/token",
                            Map.of(
                                    "grant_type",
                                    "password",
                                    "username",
                                    "embedded_admin",
                                    "password",
                                    "embedded password"))
                    .json();
            var rotated = app.api()
                    .postForm(
                            "/auth/token",
                            Map.of(
                                    "grant_type",
                                    "refresh_token",
                                    "refresh_token",
                                    pair.get("refresh_token").asString()));
            assertThat(rotated.status()).isEqualTo(200);
            String token = rotated.json().get("access_token").asString();
            String userId = rotated.json().get("user_id").asString();

            String session = "{\"user_id\":\"" + userId + "\",\"session_id\":\"s1\",\"title\":\"t\"}";
            assertThat(app.api().postJson("/sessions/", session, token).status())
                    .isEqualTo(200);
            assertThat(app.api().get("/sessions/user/" + userId, token).json()).hasSize(1);
            assertThat(app.api()
                            .get("/admin/audit?type=LOGIN_SUCCEEDED&user_id=" + userId, token)
                            .json())
                    .hasSize(1);
            assertThat(app.api().get("/auth/sessions", token).json()).hasSize(1);
            assertThat(app.api()
                            .method("POST", "/auth/logout", null, null, token)
                            .status())
                    .isEqualTo(200);
            assertThat(app.api().get("/auth/me", token).status()).isEqualTo(401);
        }
    }

    @Test
    void addXpAndQuizResultsWorkOnTheEmbeddedDatabaseToo() {
        try (AppInstance app = AppInstance.start("app.data-dir=" + dataDir)) {
            String userId = app.bean(UserService.class)
                    .create("embedded_bob", "embedded password", Role.USER)
                    .getId()
                    .toString();
            String token = app.api().token("embedded_bob", "embedded password");

            assertThat(app.api()
                            .postJson("/profile/" + userId + "/add_xp", "{\"amount\":230}", token)
                            .body())
                    .isEqualTo("{\"status\":\"success\",\"new_xp\":230}");
            assertThat(app.api()
                            .postJson("/profile/" + userId + "/add_xp", "{\"amount\":230}", token)
                            .body())
                    .isEqualTo("{\"status\":\"success\",\"new_xp\":460}");
            assertThat(app.api().get("/profile/" + userId + "/xp", token).body())
                    .isEqualTo("{\"xp\":460}");

            String result = "{\"user_id\":\"" + userId + "\",\"quiz_id\":\"exam\",\"score\":80,"
                    + "\"details\":{\"total\":5,\"per_question\":[{\"question_id\":\"q1\",\"is_correct\":true}]}}";
            assertThat(app.api().postJson("/quiz/results", result, token).status())
                    .isEqualTo(201);
            var stored = app.api().get("/quiz/results/user/" + userId, token).json();
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0)
                            .get("details")
                            .get("per_question")
                            .get(0)
                            .get("is_correct")
                            .asBoolean())
                    .isTrue();
            var stats = app.api()
                    .get("/quiz/results/user/" + userId + "/stats", token)
                    .json();
            assertThat(stats.get("count").asInt()).isEqualTo(1);
            assertThat(stats.get("average").asDouble()).isEqualTo(80.0);
        }
    }

    @Test
    void loginLockWorksOnTheEmbeddedDatabaseToo() throws Exception {
        try (AppInstance app = AppInstance.start("app.data-dir=" + dataDir)) {
            for (int i = 0; i < 5; i++) {
                assertThat(app.api().login("ghost", "wrong").status()).isEqualTo(401);
            }
            assertThat(app.api().login("ghost", "wrong").status()).isEqualTo(403);
        }
        assertThat(Files.list(dataDir)).isNotEmpty();
    }

    @Test
    void settingsRoundTripOnTheEmbeddedDatabaseToo() {
        String full = "{\"agent\":{\"provider\":\"openrouter\",\"model\":\"anthropic/claude-3-5-sonnet\"},"
                + "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},"
                + "\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},\"identityId\":\"ds_woman\"}";
        try (AppInstance app = AppInstance.start("app.data-dir=" + dataDir)) {
            var user = app.bean(UserService.class).create("embedded_bob", "embedded password", Role.USER);
            String token = app.api().token("embedded_bob", "embedded password");
            String path = "/settings/" + user.getId();

            assertThat(app.api().get(path, token).body()).isEqualTo("{}");
            assertThat(app.api().postJson(path, full, token).status()).isEqualTo(200);
            assertThat(app.api().get(path, token).body()).isEqualTo(full);
            assertThat(app.api()
                            .method("PATCH", path, "application/json", "{\"agent\":null,\"identityId\":null}", token)
                            .body())
                    .isEqualTo(full.replace("openrouter", "zai")
                            .replace("anthropic/claude-3-5-sonnet", "glm-4.6v")
                            .replace(",\"identityId\":\"ds_woman\"", ""));
            assertThat(app.api().postJson(path, "{}", token).status()).isEqualTo(200);
            assertThat(app.api().get(path, token).body()).isEqualTo("{}");
        }
    }

    @Test
    void whileTheServiceRunsASecondProcessCreatesTheFirstUserWhoCanThenLogIn(CapturedOutput output) throws Exception {
        try (AppInstance app = AppInstance.start("app.data-dir=" + dataDir)) {
            assertThat(output.getOut()).contains("No user exists yet", "scripts/register_user.sh");

            // The admin CLI as the README's second terminal runs it: another JVM on the same data directory.
            ProcessBuilder builder = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "org.llmtutor.userservice.UserServiceApplication",
                            "admin",
                            "register",
                            "--password-stdin",
                            "first_admin",
                            "admin")
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("cli.log").toFile());
            Map<String, String> env = builder.environment();
            List.of("POSTGRES_HOST", "SPRING_DATASOURCE_URL").forEach(env::remove);
            env.put("USER_SERVICE_DATA_DIR", dataDir.toString());
            env.put("BCRYPT_STRENGTH", "4");
            Process cli = builder.start();
            try (OutputStream stdin = cli.getOutputStream()) {
                stdin.write("first admin password\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("CLI finished").isTrue();
            assertThat(cli.exitValue())
                    .as(Files.readString(dataDir.resolve("cli.log")))
                    .isZero();

            String token = app.api().token("first_admin", "first admin password");
            assertThat(app.api().get("/auth/me", token).json().get("role").asString())
                    .isEqualTo("admin");
        }
        try (AppInstance again = AppInstance.start("app.data-dir=" + dataDir)) {
            assertThat(again.api().login("first_admin", "first admin password").status())
                    .isEqualTo(200);
        }
        assertThat(output.getOut().split("No user exists yet", -1))
                .as("the hint is given only while there is no user")
                .hasSize(2);
    }
}
