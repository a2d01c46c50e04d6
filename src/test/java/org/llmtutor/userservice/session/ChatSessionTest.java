package org.llmtutor.userservice.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;

class ChatSessionTest extends IntegrationTest {

    @Test
    void createAnswers200WithTheRecordInContractFieldOrder() {
        User user = newUser(Role.USER);
        String token = token(user);
        String sessionId = uniqueName("alice");

        Api.Response r = api().postJson("/sessions/", body(user.getId(), sessionId, "Chat 2026-01-20 10:15"), token);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .matches("\\{\"session_id\":\"" + sessionId
                        + "\",\"title\":\"Chat 2026-01-20 10:15\",\"id\":\"[0-9a-f-]{36}\"," + "\"user_id\":\""
                        + user.getId() + "\",\"created_at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\"}");
    }

    @Test
    void titleIsOptionalAndThePathWorksWithoutTrailingSlash() {
        User user = newUser(Role.USER);
        Api.Response r = api().postJson(
                        "/sessions",
                        "{\"user_id\":\"" + user.getId() + "\",\"session_id\":\"" + uniqueName("s") + "\"}",
                        token(user));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("title").isNull()).isTrue();
    }

    @Test
    void sessionIdTakenByAnotherUserIs400() {
        User alice = newUser(Role.USER);
        User bob = newUser(Role.USER);
        String sessionId = uniqueName("shared");
        api().postJson("/sessions/", body(alice.getId(), sessionId, "a"), token(alice));

        Api.Response r = api().postJson("/sessions/", body(bob.getId(), sessionId, "b"), token(bob));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).isEqualTo("Session ID already exists");
    }

    @Test
    void retryOfTheSameSessionReturnsTheStoredRecord() {
        User user = newUser(Role.USER);
        String token = token(user);
        String sessionId = uniqueName("retry");
        JsonNode first = api().postJson("/sessions/", body(user.getId(), sessionId, "first"), token)
                .json();

        Api.Response retry = api().postJson("/sessions/", body(user.getId(), sessionId, "second"), token);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(retry.json().get("title").asString()).isEqualTo("first");
        assertThat(list(user, token)).hasSize(1);
    }

    @Test
    void creatingBeyondTheCapRotatesOutTheOldestAndKeepsExactlyTheCap() {
        User user = newUser(Role.USER);
        String token = token(user);
        for (int i = 1; i <= 13; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(api().postJson("/sessions/", body(user.getId(), user.getUsername() + "_" + i, "t" + i), token)
                            .status())
                    .isEqualTo(200);
        }

        List<String> kept = list(user, token);
        assertThat(kept).hasSize(10);
        assertThat(kept.get(0)).isEqualTo(user.getUsername() + "_13");
        assertThat(kept.get(9)).isEqualTo(user.getUsername() + "_4");
    }

    @Test
    void rotationBreaksCreatedAtTiesById() {
        User user = newUser(Role.USER);
        Instant sameTime = Instant.parse("2026-01-20T10:15:30.123456Z");
        for (int i = 0; i < 10; i++) {
            jdbc.sql("INSERT INTO chat_sessions (id, user_id, session_id, created_at) VALUES (:id, :u, :s, :t)")
                    .param("id", UUID.fromString("00000000-0000-4000-8000-00000000000" + i))
                    .param("u", user.getId())
                    .param("s", user.getUsername() + "_tie" + i)
                    .param("t", sameTime.atOffset(java.time.ZoneOffset.UTC))
                    .update();
        }

        api().postJson("/sessions/", body(user.getId(), user.getUsername() + "_new", null), token(user));

        List<String> kept = list(user, token(user));
        assertThat(kept).hasSize(10).doesNotContain(user.getUsername() + "_tie0");
        assertThat(kept.get(0)).isEqualTo(user.getUsername() + "_new");
    }

    @Test
    void listIsNewestFirstAndPages() {
        User user = newUser(Role.USER);
        String token = token(user);
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            api().postJson("/sessions/", body(user.getId(), user.getUsername() + "_" + i, null), token);
        }

        assertThat(list(user, token))
                .containsExactly(
                        user.getUsername() + "_5",
                        user.getUsername() + "_4",
                        user.getUsername() + "_3",
                        user.getUsername() + "_2",
                        user.getUsername() + "_1");
        Api.Response page = api().get("/sessions/user/" + user.getId() + "?limit=2&offset=1", token);
        assertThat(page.json().findValuesAsString("session_id"))
                .containsExactly(user.getUsername() + "_4", user.getUsername() + "_3");
        assertThat(api().get("/sessions/user/" + user.getId() + "?limit=0", token)
                        .status())
                .isEqualTo(422);
        assertThat(api().get("/sessions/user/" + user.getId() + "?offset=-1", token)
                        .status())
                .isEqualTo(422);
        assertThat(api().get("/sessions/user/" + user.getId() + "?limit=abc", token)
                        .status())
                .isEqualTo(422);
    }

    @Test
    void deleteRemovesOnlyOnesOwnSession() {
        User alice = newUser(Role.USER);
        User bob = newUser(Role.USER);
        String sessionId = uniqueName("del");
        api().postJson("/sessions/", body(alice.getId(), sessionId, null), token(alice));

        assertThat(api().delete("/sessions/" + sessionId, token(bob)).status()).isEqualTo(404);
        assertThat(list(alice, token(alice))).containsExactly(sessionId);

        Api.Response r = api().delete("/sessions/" + sessionId, token(alice));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"success\"}");
        assertThat(list(alice, token(alice))).isEmpty();
        assertThat(api().delete("/sessions/" + sessionId, token(alice)).status())
                .isEqualTo(404);
    }

    @Test
    void patchRenamesOnesOwnSession() {
        User alice = newUser(Role.USER);
        User bob = newUser(Role.USER);
        String sessionId = uniqueName("ren");
        api().postJson("/sessions/", body(alice.getId(), sessionId, "old"), token(alice));

        assertThat(api().method("PATCH", "/sessions/" + sessionId, "application/json", "{\"title\":\"x\"}", token(bob))
                        .status())
                .isEqualTo(404);
        Api.Response r = api().method(
                        "PATCH", "/sessions/" + sessionId, "application/json", "{\"title\":\"new\"}", token(alice));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("title").asString()).isEqualTo("new");
        assertThat(api().method(
                                "PATCH",
                                "/sessions/" + sessionId,
                                "application/json",
                                "{\"title\":\"" + "x".repeat(501) + "\"}",
                                token(alice))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void badBodiesAre422NamingTheField() {
        User user = newUser(Role.USER);
        String token = token(user);

        assertField(api().postJson("/sessions/", "{\"session_id\":\"x\"}", token), "user_id");
        assertField(api().postJson("/sessions/", "{\"user_id\":\"tmp\",\"session_id\":\"x\"}", token), "user_id");
        assertField(api().postJson("/sessions/", body(user.getId(), " ", null), token), "session_id");
        assertField(api().postJson("/sessions/", body(user.getId(), "x".repeat(256), null), token), "session_id");
        assertField(api().postJson("/sessions/", body(user.getId(), "a\u0001b", null), token), "session_id");
        assertField(api().get("/sessions/user/tmp", token), "user_id");
        assertThat(list(user, token)).isEmpty();
    }

    @Test
    void sessionsOfAnotherUserAreNotFound() {
        User alice = newUser(Role.USER);
        User bob = newUser(Role.USER);
        api().postJson("/sessions/", body(alice.getId(), uniqueName("private"), null), token(alice));

        Api.Response read = api().get("/sessions/user/" + alice.getId(), token(bob));
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.detail()).isEqualTo("User not found");
        assertThat(api().postJson("/sessions/", body(alice.getId(), uniqueName("forged"), null), token(bob))
                        .status())
                .isEqualTo(404);
        assertThat(list(alice, token(alice))).hasSize(1);
    }

    @Test
    void unknownUserIs404() {
        User admin = newUser(Role.ADMIN);
        Api.Response r = api().postJson("/sessions/", body(UUID.randomUUID(), uniqueName("ghost"), null), token(admin));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.detail()).isEqualTo("User not found");
    }

    private List<String> list(User user, String token) {
        Api.Response r = api().get("/sessions/user/" + user.getId(), token);
        assertThat(r.status()).isEqualTo(200);
        return r.json().findValuesAsString("session_id");
    }

    private String token(User user) {
        return api().token(user.getUsername(), PASSWORD);
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
    }

    static String body(UUID userId, String sessionId, String title) {
        return "{\"user_id\":\"" + userId + "\",\"session_id\":\"" + sessionId.replace("\u0001", "\\u0001")
                + "\",\"title\":" + (title == null ? "null" : "\"" + title + "\"") + "}";
    }
}
