package org.llmtutor.userservice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;

class AuditLogTest extends IntegrationTest {

    @Test
    void authenticationEventsAreRecordedWithWhoWhenAndWhere() {
        User user = newUser(Role.USER);
        api().login(user.getUsername(), "wrong password");
        String token = api().token(user.getUsername(), PASSWORD);
        api().method("POST", "/auth/logout", null, null, token);

        List<String> types = eventTypes(user);
        assertThat(types).containsExactly("LOGOUT", "LOGIN_SUCCEEDED", "LOGIN_FAILED");
        JsonNode newest = adminSearch("?user_id=" + user.getId()).json().get(0);
        assertThat(newest.get("username").asString()).isEqualTo(user.getUsername());
        assertThat(newest.get("actor").asString()).isEqualTo(user.getUsername());
        assertThat(newest.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(newest.get("user_agent").asString()).startsWith("Java-http-client");
        assertThat(newest.get("occurred_at").asString()).endsWith("Z");
    }

    @Test
    void lockoutsAndAttemptsWhileLockedAreRecordedAlsoForUnknownUsernames() {
        String ghost = uniqueName("ghost");
        for (int i = 0; i < 6; i++) {
            api().login(ghost, "guess " + i);
        }

        List<JsonNode> events = adminSearch("?limit=500")
                .json()
                .valueStream()
                .filter(e -> ghost.equals(e.get("username").asString()))
                .toList();
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsExactly(
                        "LOGIN_LOCKED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED");
        assertThat(events.get(1).get("details").asString()).isEqualTo("lockout started");
        assertThat(events.get(0).get("user_id").isNull()).isTrue();
    }

    @Test
    void passwordChangeIsRecordedAndNoSecretEverReachesTheLog() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        String newPassword = "a new secret password";
        api().postJson(
                        "/auth/password",
                        "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + newPassword + "\"}",
                        token);
        Api.Response pair = api().postForm(
                        "/auth/token",
                        Map.of("grant_type", "password", "username", user.getUsername(), "password", newPassword));
        String refresh = pair.json().get("refresh_token").asString();

        assertThat(eventTypes(user)).contains("PASSWORD_CHANGED");
        String everything = String.join(
                "\n",
                jdbc.sql(
                                "SELECT concat_ws('|', event_type, username, actor, ip, user_agent, details) FROM audit_events")
                        .query(String.class)
                        .list());
        assertThat(everything).doesNotContain(PASSWORD, newPassword, token, refresh, "wrong password");
    }

    @Test
    void auditIsForAdminsOnlyAndFilterableByType() {
        User user = newUser(Role.USER);
        User developer = newUser(Role.DEVELOPER);
        api().login(user.getUsername(), PASSWORD);

        assertThat(api().get("/admin/audit", api().token(user.getUsername(), PASSWORD))
                        .status())
                .isEqualTo(403);
        assertThat(api().get("/admin/audit", api().token(developer.getUsername(), PASSWORD))
                        .status())
                .isEqualTo(403);
        assertThat(api().get("/admin/audit", null).status()).isEqualTo(401);

        Api.Response filtered = adminSearch("?type=LOGIN_SUCCEEDED&user_id=" + user.getId());
        assertThat(filtered.json().findValuesAsString("type")).isNotEmpty().containsOnly("LOGIN_SUCCEEDED");
        assertThat(adminSearch("?limit=1").json()).hasSize(1);
        assertThat(adminSearch("?type=NOPE").status()).isEqualTo(422);
        assertThat(adminSearch("?user_id=tmp").status()).isEqualTo(422);
        assertThat(adminSearch("?limit=0").status()).isEqualTo(422);
    }

    private List<String> eventTypes(User user) {
        return adminSearch("?user_id=" + user.getId()).json().findValuesAsString("type");
    }

    private Api.Response adminSearch(String query) {
        User admin = userService.create(uniqueName("auditor"), PASSWORD, Role.ADMIN);
        // The admin's own login is recorded too; it is about the admin, so filters on other users are unaffected.
        return api().get("/admin/audit" + query, api().token(admin.getUsername(), PASSWORD));
    }
}
