package org.llmtutor.userservice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.Eventually;
import org.llmtutor.userservice.support.TestDatabase;

/**
 * The packaged jar in Spring AOT mode, as scripts/serve.sh (and so the image) starts it: bean definitions generated at
 * build time, with the auto-configuration conditions decided then, and Spring Data's build-time repositories. The rest
 * of the suite runs the application the ordinary way, so this proves, in a JVM of its own, that the AOT-mode server
 * behaves the same on both databases it picks at run time (PostgreSQL with its token-state listener, the embedded H2
 * without), and that the admin CLI beside it works from the code generated for its own context (admin/AdminContextAot),
 * never the server's, even when the JVM is told to use AOT mode.
 * Runs after {@code package} (failsafe), on the jar in {@code target/}.
 */
class AotModeIT {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final String PASSWORD = "aot mode password";

    @TempDir
    Path dir;

    private static Path jar;

    @BeforeAll
    static void packagedJarWithAotCode() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("user-service-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/ (run mvn verify)"));
        }
        // The generated initializer is what -Dspring.aot.enabled=true starts from; serve.sh looks for it too.
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(
                            zip.getEntry(
                                    "BOOT-INF/classes/org/llmtutor/userservice/UserServiceApplication__ApplicationContextInitializer.class"))
                    .as("the jar was built with process-aot")
                    .isNotNull();
        }
    }

    @Test
    void onPostgresqlTheAotServerServesAndHearsTheCliThroughNotify() throws Exception {
        String url = TestDatabase.newDatabase("aot");
        Map<String, String> env = new HashMap<>(Map.of(
                "SPRING_DATASOURCE_URL",
                url,
                "SPRING_DATASOURCE_USERNAME",
                TestDatabase.username(),
                "SPRING_DATASOURCE_PASSWORD",
                TestDatabase.password(),
                "SECRET_KEY",
                "aot-mode-test-secret-0123456789abcdef0123456789"));
        try (Server server = Server.start(dir, env)) {
            Api api = server.api();
            assertThat(cli(env, "register", "--password-stdin", "aot_pg", "admin"))
                    .isZero();

            String userId = exercise(api, "aot_pg");

            // The token-state listener is a bean of the web application on PostgreSQL only: it is there, and a change
            // the CLI makes in its own JVM reaches the server's in-memory token state through NOTIFY.
            Eventually.until(() -> listeners(url) == 1, Duration.ofSeconds(30));
            String token = api.token("aot_pg", PASSWORD);
            assertThat(api.get("/profile/" + userId, token).status()).isEqualTo(200);
            assertThat(cli(env, "disable", "aot_pg")).isZero();
            Eventually.until(() -> api.get("/auth/me", token).status() == 401, Duration.ofSeconds(10));
        }
    }

    @Test
    void onTheEmbeddedDatabaseTheAotServerServesTooAndTheCliWorksBesideIt() throws Exception {
        Map<String, String> env = new HashMap<>(
                Map.of("USER_SERVICE_DATA_DIR", dir.resolve("data").toString()));
        try (Server server = Server.start(dir, env)) {
            Api api = server.api();
            // A second process on the embedded database, through H2's mixed mode, while the server holds it.
            assertThat(cli(env, "register", "--password-stdin", "aot_h2", "admin"))
                    .isZero();

            exercise(api, "aot_h2");
        }
        assertThat(dir.resolve("data/user-service.mv.db")).exists();
    }

    /**
     * scripts/serve.sh --prepare, as the image's build runs it: the training run is a whole start of the AOT server on
     * a port of its own, which asks itself a few harmless questions and exits; the cache it leaves is used.
     */
    @Test
    void theTrainingRunStartsTheServerAsksItselfAndLeavesTheClassCache() throws Exception {
        Path copy = copyOfJar(dir);
        Map<String, String> env = new HashMap<>(Map.of(
                "APP_JAR",
                copy.toString(),
                "USER_SERVICE_DATA_DIR",
                dir.resolve("data").toString()));
        ProcessBuilder builder = Server.builder(List.of("bash", "scripts/serve.sh", "--prepare"), env)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prepare.log").toFile());
        builder.environment().remove("JVM_CACHE");
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as("prepare finished")
                .isTrue();
        String prepared = Files.readString(dir.resolve("prepare.log"));
        assertThat(process.exitValue()).as(prepared).isZero();
        assertThat(prepared).doesNotContain("no class cache");

        // A packaged jar is unpacked once beside itself; the cache goes with the unpacked layout.
        Path cache = copy.resolveSibling("app.layout/jvm-cache");
        String training = Files.readString(cache.resolve("server-training.log"));
        assertThat(training)
                .contains("Starting AOT-processed UserServiceApplication")
                .contains("training run: GET /health answered 200")
                .contains("training run: GET /actuator/health/readiness answered 200")
                .contains("training run: GET /auth/me answered 401");
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.matches("server-.*\\.(jsa|aot)"))
                    .anyMatch(name -> name.matches("cli-.*\\.(jsa|aot)"));
        }
    }

    /**
     * Login, the caller, XP, quiz results and their statistics, settings, chat sessions, a refresh and a logout: the
     * user's id.
     */
    private static String exercise(Api api, String username) {
        Map<String, String> login = Map.of("grant_type", "password", "username", username, "password", PASSWORD);
        var pair = api.postForm("/auth/token", login);
        assertThat(pair.status()).as(pair.body()).isEqualTo(200);
        String userId = pair.json().get("user_id").asString();
        String token = pair.json().get("access_token").asString();

        var me = api.get("/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(username);
        assertThat(me.json().get("role").asString()).isEqualTo("admin");

        assertThat(api.postJson("/profile/" + userId + "/add_xp", "{\"amount\":230}", token)
                        .body())
                .isEqualTo("{\"status\":\"success\",\"new_xp\":230}");
        assertThat(api.get("/profile/" + userId + "/xp", token).body()).isEqualTo("{\"xp\":230}");

        String result = "{\"user_id\":\"" + userId + "\",\"quiz_id\":\"exam\",\"score\":80,"
                + "\"details\":{\"total\":5,\"per_question\":[{\"question_id\":\"q1\",\"is_correct\":true}]}}";
        assertThat(api.postJson("/quiz/results", result, token).status()).isEqualTo(201);
        var stats = api.get("/quiz/results/user/" + userId + "/stats", token).json();
        assertThat(stats.get("count").asInt()).isEqualTo(1);
        assertThat(stats.get("average").asDouble()).isEqualTo(80.0);

        String settings = "{\"agent\":{\"provider\":\"openrouter\",\"model\":\"anthropic/claude-3-5-sonnet\"},"
                + "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},"
                + "\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},\"identityId\":\"ds_woman\"}";
        assertThat(api.postJson("/settings/" + userId, settings, token).status())
                .isEqualTo(200);
        assertThat(api.get("/settings/" + userId, token).body()).isEqualTo(settings);

        String session = "{\"user_id\":\"" + userId + "\",\"session_id\":\"s1\",\"title\":\"t\"}";
        assertThat(api.postJson("/sessions/", session, token).status()).isEqualTo(200);
        assertThat(api.get("/sessions/user/" + userId, token).json()).hasSize(1);

        var rotated = api.postForm(
                "/auth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        pair.json().get("refresh_token").asString()));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String fresh = rotated.json().get("access_token").asString();
        assertThat(api.method("POST", "/auth/logout", null, null, fresh).status())
                .isEqualTo(200);
        assertThat(api.get("/auth/me", fresh).status()).isEqualTo(401);
        return userId;
    }

    /** Connections of the token-state listener on the database. */
    private static int listeners(String url) {
        try (Connection c = TestDatabase.connect(url);
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name = ?")) {
            s.setString(1, "user-service token-state listener");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One admin command through scripts/admin.sh, the password on stdin. JAVA_OPTS asks for AOT mode, which the CLI
     * refuses for itself: its context is not the server's that the generated code describes.
     */
    private int cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/admin.sh"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "cli", ".log");
        ProcessBuilder builder =
                Server.builder(command, env).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", "-Dspring.aot.enabled=true -XX:TieredStopAtLevel=1");
        builder.environment().put("BCRYPT_STRENGTH", "4");
        // Spring names, at trace level, the generated initializer a context starts from.
        builder.environment().put("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CONTEXT_AOT", "TRACE");
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("CLI finished").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .as("the CLI's context comes from the code generated for it")
                .contains(
                        "Applying org.llmtutor.userservice.UserServiceApplication__AdminApplicationContextInitializer")
                .doesNotContain(
                        "Applying org.llmtutor.userservice.UserServiceApplication__ApplicationContextInitializer");
        return process.exitValue();
    }

    /** A copy of the packaged jar in dir/app: the scripts unpack it beside itself, so each test gets its own layout. */
    private static Path copyOfJar(Path dir) throws IOException {
        return Files.copy(jar, Files.createDirectories(dir.resolve("app")).resolve("app.jar"));
    }

    /** scripts/serve.sh on a copy of the packaged jar (its unpacked layout goes beside the copy), on a free port. */
    private record Server(Process process, Path log, int port) implements AutoCloseable {

        static Server start(Path dir, Map<String, String> env) throws IOException, InterruptedException {
            Path copy = copyOfJar(dir);
            Path log = dir.resolve("server.log");
            // The admin CLI runs the same copy.
            env.put("APP_JAR", copy.toString());
            Map<String, String> serverEnv = new HashMap<>(env);
            serverEnv.put("BCRYPT_STRENGTH", "4");
            Process process = builder(List.of("bash", "scripts/serve.sh", "--server.port=0"), serverEnv)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (System.nanoTime() < deadline) {
                Matcher m = PORT.matcher(Files.readString(log));
                if (m.find()) {
                    Server server = new Server(process, log, Integer.parseInt(m.group(1)));
                    Eventually.until(() -> server.api().get("/health", null).status() == 200, Duration.ofSeconds(60));
                    assertThat(Files.readString(log))
                            .as("started from the generated code")
                            .contains("Starting AOT-processed UserServiceApplication");
                    return server;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new AssertionError("the server did not start within 240 s: " + Files.readString(log));
        }

        /**
         * The scripts with this JVM as their java, without the JVM's class cache (its training run would be one more
         * start) and without whatever database or JVM settings the build's own environment has.
         */
        static ProcessBuilder builder(List<String> command, Map<String, String> env) {
            ProcessBuilder builder = new ProcessBuilder(command);
            Map<String, String> e = builder.environment();
            e.keySet()
                    .removeIf(name -> name.startsWith("POSTGRES_")
                            || name.startsWith("SPRING_")
                            || name.startsWith("JVM_")
                            || name.equals("JAVA_OPTS")
                            || name.equals("SECRET_KEY")
                            || name.equals("USER_SERVICE_DATA_DIR"));
            e.put("JAVA", ProcessHandle.current().info().command().orElse("java"));
            e.put("JVM_CACHE", "off");
            e.putAll(env);
            return builder;
        }

        Api api() {
            return new Api(port);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
