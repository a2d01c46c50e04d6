package org.llmtutor.userservice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Eventually;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdminCliUserCommandsIT extends AdminCliSupport {

    @Test
    void registerCreatesAUserWhoCanLogInAndAuditsItWithoutThePassword() {
        String name = uniqueName("reg");

        Result r = cli("register", name, "a fine password", "developer");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("created user " + name + " (role developer");
        assertThat(api().login(name, "a fine password").status()).isEqualTo(200);
        assertThat(role(name)).isEqualTo("developer");
        var events = jdbc.sql(
                        "SELECT event_type, actor, details FROM audit_events WHERE username = :u AND actor = 'cli'")
                .param("u", name)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                .list();
        assertThat(events).containsExactly("USER_CREATED|cli|role developer");
    }

    @Test
    void registerReadsThePasswordFromStdinAndDefaultsToRoleUser() {
        String name = uniqueName("stdin");

        Result r = cliWithInput("from stdin 123\n", "register", "--password-stdin", name);

        assertThat(r.code()).isZero();
        assertThat(role(name)).isEqualTo("user");
        assertThat(api().login(name, "from stdin 123").status()).isEqualTo(200);
    }

    @Test
    void registerRefusesWhatTheApiRefusesWithOneLineAndExitCode1() {
        User existing = newUser(Role.USER);
        String name = uniqueName("bad");
        List<Result> refused = List.of(
                cli("register", existing.getUsername(), "another password"),
                cli("register", "", "a fine password"),
                cli("register", "has space", "a fine password"),
                cli("register", name, ""),
                cli("register", name, "short"),
                cli("register", name, "é".repeat(37)),
                cli("register", name, "a fine password", "root"),
                cliWithInput("", "register", "--password-stdin", name));

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("error: ").hasLineCount(1);
        });
        assertThat(refused.get(0).err()).contains("already exists");
        assertThat(refused.get(5).err()).contains("72 bytes");
        assertThat(refused.get(6).err()).contains("unknown role 'root'");
        assertThat(countUsers(name)).isZero();
    }

    @Test
    void wrongArgumentsExit2AndHelpExits0() {
        assertThat(cli("register", "only_a_name").code()).isEqualTo(2);
        assertThat(cli("register", "a", "b", "c", "d").code()).isEqualTo(2);
        assertThat(cli("no_such_command").code()).isEqualTo(2);
        assertThat(cli().code()).isEqualTo(2);
        assertThat(cli("set_role", "x").err()).startsWith("error: ").contains("admin set_role --help");

        for (String command : List.of(
                "register",
                "list",
                "delete",
                "unlock",
                "set_role",
                "reset_password",
                "disable",
                "enable",
                "bulk_create",
                "bulk_delete",
                "create_service_token",
                "revoke_service_token",
                "list_service_tokens",
                "migrate")) {
            Result help = cli(command, "--help");
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: admin " + command);
        }
        assertThat(cli("--help").out()).contains("bulk_create", "Exit codes");
    }

    @Test
    void listShowsUsersAsTableOrJsonButNeverHashes() {
        User user = newUser(Role.DEVELOPER);

        Result table = cli("list");
        Result json = cli("list", "--json");

        assertThat(table.code()).isZero();
        assertThat(table.out()).containsPattern(user.getUsername() + " +developer +yes +0 ");
        assertThat(json.code()).isZero();
        JsonNode entry = null;
        for (JsonNode node : JsonMapper.builder().build().readTree(json.out())) {
            if (node.get("username").asString().equals(user.getUsername())) {
                entry = node;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("id").asString()).isEqualTo(user.getId().toString());
        assertThat(entry.get("role").asString()).isEqualTo("developer");
        assertThat(entry.get("is_active").asBoolean()).isTrue();
        assertThat(entry.propertyNames()).containsExactly("id", "username", "role", "is_active", "xp", "created_at");
        assertThat(table.out() + json.out()).doesNotContain("$2a$").doesNotContain("$2b$");
    }

    @Test
    void deleteRemovesTheUserAndEndsTheirTokens() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        Result r = cli("delete", user.getUsername());

        assertThat(r.code()).isZero();
        assertThat(countUsers(user.getUsername())).isZero();
        assertThat(api().get("/auth/me", token).status()).isEqualTo(401);
        assertThat(auditTypes(user.getUsername())).contains("USER_DELETED");
        Result again = cli("delete", user.getUsername());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("error: no user named '" + user.getUsername() + "'\n");
    }

    @Test
    void unlockClearsTheLoginLock() {
        User user = newUser(Role.USER);
        jdbc.sql("INSERT INTO login_attempts (username, failed_attempts, locked_until, lockouts)"
                        + " VALUES (:u, 0, :until, 1)")
                .param("u", user.getUsername())
                .param("until", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1))
                .update();
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(403);

        Result r = cli("unlock", user.getUsername());

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("unlocked " + user.getUsername() + "\n");
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
        assertThat(auditTypes(user.getUsername())).contains("USER_UNLOCKED");
        assertThat(cli("unlock", uniqueName("nobody")).code()).isEqualTo(1);
    }

    @Test
    void setRoleAppliesToTokensInUseWithinOneSecond() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertThat(api().get("/auth/me", token).json().get("role").asString()).isEqualTo("user");

        Result r = cli("set_role", user.getUsername(), "admin");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("role user -> admin");
        Eventually.until(
                () -> api().get("/auth/me", token).json().get("role").asString().equals("admin"),
                Duration.ofSeconds(1));
        assertThat(auditDetails(user.getUsername(), "ROLE_CHANGED")).isEqualTo("user -> admin");
        assertThat(cli("set_role", user.getUsername(), "superuser").code()).isEqualTo(1);
        assertThat(cli("set_role", uniqueName("nobody"), "user").code()).isEqualTo(1);
    }

    @Test
    void resetPasswordEndsEveryTokenOfTheUser() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        Result r = cliWithInput("brand new password\n", "reset_password", "--password-stdin", user.getUsername());

        assertThat(r.code()).isZero();
        assertThat(api().get("/auth/me", token).status()).isEqualTo(401);
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(401);
        assertThat(api().login(user.getUsername(), "brand new password").status())
                .isEqualTo(200);
        assertThat(auditTypes(user.getUsername())).contains("PASSWORD_RESET");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE details LIKE '%brand new%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(cli("reset_password", user.getUsername(), "short").code()).isEqualTo(1);
        assertThat(cli("reset_password", uniqueName("nobody"), "long enough pw").code())
                .isEqualTo(1);
    }

    @Test
    void disableEndsTokensWithinOneSecondAndRefusesLoginUntilEnabled() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertThat(api().get("/auth/me", token).status()).isEqualTo(200);

        Result disabled = cli("disable", user.getUsername());

        assertThat(disabled.code()).isZero();
        Eventually.until(() -> api().get("/auth/me", token).status() == 401, Duration.ofSeconds(1));
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isNotEqualTo(200);

        Result enabled = cli("enable", user.getUsername());

        assertThat(enabled.code()).isZero();
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
        assertThat(api().get("/auth/me", token).status())
                .as("ended tokens stay ended")
                .isEqualTo(401);
        assertThat(auditTypes(user.getUsername())).contains("USER_DISABLED", "USER_ENABLED");
        assertThat(cli("enable", uniqueName("nobody")).code()).isEqualTo(1);
    }

    @Test
    void migrateBringsAnEmptyDatabaseUpToDate() throws SQLException {
        Map<String, String> env = env();
        env.put("SPRING_DATASOURCE_URL", TestDatabase.newDatabase("cli_migrate"));

        Result r = run(env, "", false, "migrate");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("database schema is up to date (version ");
        try (var db = TestDatabase.connect(env.get("SPRING_DATASOURCE_URL"));
                var tables = db.getMetaData().getTables(null, "public", "audit_events", null)) {
            assertThat(tables.next()).isTrue();
        }
    }

    @Test
    void unreachableDatabaseIsOneLineAndExitCode1() {
        Map<String, String> env = env();
        env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        env.put("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "2000");

        Result r = run(env, "", false, "list");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("127.0.0.1:1").hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }

    private String role(String username) {
        return jdbc.sql("SELECT role FROM users WHERE username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }

    private List<String> auditTypes(String username) {
        return jdbc.sql("SELECT event_type FROM audit_events WHERE username = :u AND actor = 'cli'")
                .param("u", username)
                .query(String.class)
                .list();
    }

    private String auditDetails(String username, String type) {
        return jdbc.sql("SELECT details FROM audit_events WHERE username = :u AND event_type = :t")
                .param("u", username)
                .param("t", type)
                .query(String.class)
                .single();
    }
}
