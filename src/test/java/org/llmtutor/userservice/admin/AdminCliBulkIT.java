package org.llmtutor.userservice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtutor.userservice.admin.bulk.BulkUserWriter;
import org.llmtutor.userservice.admin.bulk.BulkUserWriter.NewUser;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;

class AdminCliBulkIT extends AdminCliSupport {

    private static final String PROGRESS_LINE =
            "\\d+/\\d+ users \\(\\d+%\\), [\\d.]+/s, elapsed [\\dhms.]+, ETA [\\dhms.?]+";

    @TempDir
    Path dir;

    @Autowired
    BulkUserWriter writer;

    @Test
    void exampleFileOfTheContractIsCreatedThenDeleted() throws IOException {
        Path file = dir.resolve("users_to_create.json");
        try (var example = getClass().getResourceAsStream("/admin/users_to_create.example.json")) {
            Files.copy(example, file);
        }

        Result created = cli("bulk_create", file.toString());

        assertThat(created.code()).isZero();
        assertThat(created.out()).contains("created 2, skipped 0, failed 0");
        assertThat(api().get("/auth/me", api().token("lead_developer", "change_me_immediately_123"))
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("developer");
        assertThat(api().login("student_user", "simple_password_456").status()).isEqualTo(200);

        Result deleted = cli("bulk_delete", file.toString());

        assertThat(deleted.code()).isZero();
        assertThat(deleted.out()).contains("deleted 2, missing 0, failed 0");
        assertThat(countUsers("lead_developer") + countUsers("student_user")).isZero();
    }

    @Test
    void thousandUsersFinishAfterACrashWithoutDuplicatesAndARerunSkipsAll() throws IOException {
        String prefix = uniqueName("bulk") + "_";
        List<String> entries = IntStream.range(0, 1000)
                .mapToObj(i -> entry(prefix + i, "password-" + i, i % 10 == 0 ? "developer" : null))
                .toList();
        Path all = write("all.json", entries);
        // The state a run killed part-way leaves behind: the batches written before the kill.
        assertThat(cli(
                                "bulk_create",
                                write("first.json", entries.subList(0, 350)).toString())
                        .out())
                .contains("created 350, skipped 0, failed 0");

        Result resumed = cli("bulk_create", all.toString());

        assertThat(resumed.code()).isZero();
        assertThat(resumed.out()).contains("skipped " + prefix + "0: already exists");
        List<String> progress =
                resumed.out().lines().filter(l -> l.matches(PROGRESS_LINE)).toList();
        assertThat(progress).hasSizeGreaterThanOrEqualTo(5).last().asString().startsWith("650/650 users (100%)");
        assertThat(resumed.out()).doesNotContain("\r").contains("created 650, skipped 350, failed 0");
        assertThat(countPrefixed(prefix)).isEqualTo(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username LIKE :p AND role = 'developer'")
                        .param("p", prefix + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(100);

        Result rerun = cli("bulk_create", all.toString());

        assertThat(rerun.code()).isZero();
        assertThat(rerun.out()).contains("created 0, skipped 1000, failed 0");
        assertThat(countPrefixed(prefix)).isEqualTo(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE event_type = 'USER_CREATED' AND actor = 'cli'"
                                + " AND username LIKE :p")
                        .param("p", prefix + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1000);
        assertThat(api().login(prefix + "999", "password-999").status()).isEqualTo(200);
    }

    @Test
    void badFileReportsEveryBadEntryWithItsIndexAndCreatesNothing() throws IOException {
        String good = uniqueName("good");
        Path file = write(
                "bad.json",
                List.of(
                        entry(good, "long enough 1", null),
                        "{\"username\": \"" + uniqueName("nopw") + "\"}",
                        entry(uniqueName("short"), "short", null),
                        entry(uniqueName("role"), "long enough 1", "root"),
                        entry(good, "long enough 2", null),
                        "\"just a string\"",
                        entry("has space", "long enough 1", null),
                        entry("", "long enough 1", null)));

        Result r = cli("bulk_create", file.toString());

        assertThat(r.code()).isEqualTo(1);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.subList(0, 7))
                .extracting(l -> l.substring(0, l.indexOf(']') + 1))
                .containsExactly(
                        "entry [1]", "entry [2]", "entry [3]", "entry [4]", "entry [5]", "entry [6]", "entry [7]");
        assertThat(lines.get(1)).contains("at least 8 characters");
        assertThat(lines.get(2)).contains("role must be one of");
        assertThat(lines.get(3)).contains("duplicate of entry [0]");
        assertThat(lines.get(7)).isEqualTo("error: 7 of 8 entries are invalid; nothing was created");
        assertThat(r.err()).doesNotContain("long enough");
        assertThat(countUsers(good)).isZero();

        assertThat(cli("bulk_create", write("broken.json", "[{\"username\": ").toString())
                        .err())
                .startsWith("error: ")
                .contains("not valid JSON")
                .hasLineCount(1);
        assertThat(cli("bulk_create", write("object.json", "{}").toString()).code())
                .isEqualTo(1);
        assertThat(cli("bulk_create", dir.resolve("missing.json").toString()).err())
                .contains("no such file");
    }

    @Test
    void bulkDeleteRemovesEachUserWithSessionsSettingsAndQuizResults() throws IOException {
        User first = newUser(Role.USER);
        User second = newUser(Role.DEVELOPER);
        User kept = newUser(Role.USER);
        for (User user : List.of(first, second, kept)) {
            addData(user);
        }
        String missing = uniqueName("ghost");
        Path file = write(
                "delete.json",
                List.of(
                        entry(first.getUsername(), "ignored", null),
                        "{\"username\": \"" + second.getUsername() + "\"}",
                        "{\"username\": \"" + missing + "\"}"));

        Result r = cli("bulk_delete", file.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("missing " + missing + ": no such user", "deleted 2, missing 1, failed 0");
        for (User gone : List.of(first, second)) {
            assertThat(countUsers(gone.getUsername())).isZero();
            assertThat(dataRows(gone)).isZero();
        }
        assertThat(dataRows(kept)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE event_type = 'USER_DELETED' AND user_id IN (:ids)")
                        .param("ids", List.of(first.getId(), second.getId()))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void progressOnATerminalRewritesOneLine() throws IOException {
        String prefix = uniqueName("tty") + "_";
        Path file = write(
                "tty.json",
                IntStream.range(0, 120)
                        .mapToObj(i -> entry(prefix + i, "password-" + i, null))
                        .toList());

        Result r = run(env(), "", true, "bulk_create", file.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\r120/120 users (100%)").contains("created 120, skipped 0, failed 0");
        assertThat(r.out().lines().filter(l -> l.matches(PROGRESS_LINE))).isEmpty();
    }

    @Test
    void usernameCreatedMeanwhileIsSkippedByTheUniqueIndexNotDuplicated() {
        User meanwhile = newUser(Role.USER);
        String fresh = uniqueName("fresh");

        List<String> skipped = writer.insert(List.of(
                new NewUser(meanwhile.getUsername(), "$2a$04$x", Role.ADMIN),
                new NewUser(fresh, "$2a$04$y", Role.USER)));

        assertThat(skipped).containsExactly(meanwhile.getUsername());
        assertThat(countUsers(meanwhile.getUsername())).isEqualTo(1);
        assertThat(countUsers(fresh)).isEqualTo(1);
    }

    @Test
    void bulkCreateWorksOnTheEmbeddedDatabaseToo() throws IOException, SQLException {
        // The skip relies on ON CONFLICT DO NOTHING answering 0 rows on H2's PostgreSQL mode as on PostgreSQL.
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:conflict;MODE=PostgreSQL");
                Statement s = h2.createStatement()) {
            s.execute("CREATE TABLE t (name VARCHAR PRIMARY KEY)");
            assertThat(s.executeUpdate("INSERT INTO t VALUES ('a') ON CONFLICT DO NOTHING"))
                    .isEqualTo(1);
            assertThat(s.executeUpdate("INSERT INTO t VALUES ('a') ON CONFLICT DO NOTHING"))
                    .isZero();
        }
        Map<String, String> embedded =
                Map.of("USER_SERVICE_DATA_DIR", dir.resolve("data").toString(), "BCRYPT_STRENGTH", "4");
        Path file =
                write("h2.json", List.of(entry("h2_one", "password-1", null), entry("h2_two", "password-2", "admin")));

        assertThat(run(embedded, "", false, "bulk_create", file.toString()).out())
                .contains("created 2, skipped 0, failed 0");
        assertThat(run(embedded, "", false, "bulk_create", file.toString()).out())
                .contains("created 0, skipped 2, failed 0");
    }

    private static String entry(String username, String password, String role) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\""
                + (role == null ? "" : ", \"role\": \"" + role + "\"") + "}";
    }

    private Path write(String name, List<String> entries) throws IOException {
        return write(name, "[\n" + String.join(",\n", entries) + "\n]\n");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private int countPrefixed(String prefix) {
        return jdbc.sql("SELECT count(*) FROM users WHERE username LIKE :p")
                .param("p", prefix + "%")
                .query(Integer.class)
                .single();
    }

    private void addData(User user) {
        jdbc.sql("INSERT INTO chat_sessions (id, user_id, session_id, title) VALUES (:id, :u, :s, 't')")
                .param("id", UUID.randomUUID())
                .param("u", user.getId())
                .param("s", uniqueName("s"))
                .update();
        jdbc.sql("INSERT INTO user_settings (id, user_id, service_type, provider, model_name)"
                        + " VALUES (:id, :u, 'agent', 'openai', 'gpt')")
                .param("id", UUID.randomUUID())
                .param("u", user.getId())
                .update();
        jdbc.sql("INSERT INTO quiz_results (id, user_id, quiz_id, score, details)"
                        + " VALUES (:id, :u, 'quiz-1', 80.0, CAST('{\"total\":5}' AS JSONB))")
                .param("id", UUID.randomUUID())
                .param("u", user.getId())
                .update();
    }

    private int dataRows(User user) {
        List<Integer> counts = new ArrayList<>();
        for (String table : List.of("chat_sessions", "user_settings", "quiz_results")) {
            counts.add(jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = :u")
                    .param("u", user.getId())
                    .query(Integer.class)
                    .single());
        }
        return counts.stream().mapToInt(Integer::intValue).sum();
    }
}
