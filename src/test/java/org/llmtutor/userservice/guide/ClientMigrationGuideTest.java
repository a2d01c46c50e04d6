package org.llmtutor.userservice.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * docs/clients.md, followed step by step: every call the guide documents is made here once, the way the guide says,
 * and answers what the guide says. The service runs with the legacy switch off, as after the migration.
 */
class ClientMigrationGuideTest extends IntegrationTest {

    private static final String SETTINGS = "{\"agent\":{\"provider\":\"zai\",\"model\":\"glm-4.6v\"},"
            + "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},"
            + "\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},\"identityId\":\"ds_man\"}";

    @Autowired
    ServiceCredentialService credentials;

    /**
     * What {@code scripts/create_service_token.sh NAME SCOPES...} makes, through the service the admin CLI calls; the CLI
     * itself (the token alone on stdout, in a context of its own) is AdminCliServiceTokenIT's.
     */
    private String createServiceToken(String name, String... scopes) {
        Set<Scope> granted = Arrays.stream(scopes)
                .map(scope -> Scope.fromWireName(scope).orElseThrow())
                .collect(Collectors.toSet());
        return credentials.create(name, granted).token();
    }

    /** Steps 2-8 of section 1, with whichever credential the backend sends. */
    private void webUiDataCalls(Api api, String credential, User user) {
        String id = user.getId().toString();

        // 2. Read the settings: {} while nothing is stored.
        Api.Response read = api.get("/settings/" + id, credential);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{}");

        // 3. Store the settings: the whole map; it reads back whole, identityId included.
        Api.Response stored = api.postJson("/settings/" + id, SETTINGS, credential);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo("{\"status\":\"success\"}");
        assertThat(api.get("/settings/" + id, credential).body()).isEqualTo(SETTINGS);

        // 4. Create a chat session: 200 with the record, fields in the contract's order.
        String sessionId = user.getUsername() + "_0a1b2c3d";
        Api.Response created = api.postJson(
                "/sessions/",
                "{\"user_id\":\"" + id + "\",\"session_id\":\"" + sessionId + "\",\"title\":\"Chat 2026-01-20 10:15\"}",
                credential);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body())
                .startsWith("{\"session_id\":\"" + sessionId + "\",\"title\":\"Chat 2026-01-20 10:15\",\"id\":\"")
                .contains("\"user_id\":\"" + id + "\",\"created_at\":\"")
                .endsWith("Z\"}");
        // A retry of the same post answers the stored record again.
        Api.Response retried = api.postJson(
                "/sessions/", "{\"user_id\":\"" + id + "\",\"session_id\":\"" + sessionId + "\"}", credential);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("id").asString())
                .isEqualTo(created.json().get("id").asString());

        // 5. List the sessions, newest first.
        Api.Response listed = api.get("/sessions/user/" + id, credential);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json())
                .singleElement()
                .satisfies(s -> assertThat(s.get("session_id").asString()).isEqualTo(sessionId));

        // 6. Delete it; a second delete finds nothing.
        Api.Response deleted = api.delete("/sessions/" + sessionId, credential);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"status\":\"success\"}");
        Api.Response gone = api.delete("/sessions/" + sessionId, credential);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.detail()).isEqualTo("Session not found");

        // 7. Read the XP.
        Api.Response xp = api.get("/profile/" + id + "/xp", credential);
        assertThat(xp.status()).isEqualTo(200);
        assertThat(xp.body()).isEqualTo("{\"xp\":0}");

        // 8. Award XP.
        Api.Response awarded = api.postJson("/profile/" + id + "/add_xp", "{\"amount\":50}", credential);
        assertThat(awarded.status()).isEqualTo(200);
        assertThat(awarded.body()).isEqualTo("{\"status\":\"success\",\"new_xp\":50}");
    }

    @Test
    void webUiBackendForwardingTheBrowsersHeader() {
        User alice = newUser(Role.USER);

        // 1. Log in, unchanged and without a credential.
        Api.Response login = api().login(alice.getUsername(), PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        JsonNode body = login.json();
        assertThat(body.propertyNames()).containsExactly("access_token", "token_type", "user_id", "username");
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("user_id").asString()).isEqualTo(alice.getId().toString());
        Api.Response wrong = api().login(alice.getUsername(), "wrong password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.detail()).isEqualTo("Incorrect username or password");

        // Way A: the browser's Authorization header, forwarded unchanged.
        webUiDataCalls(api(), body.get("access_token").asString(), alice);
    }

    @Test
    void webUiBackendWithItsServiceCredentialOnAUsersBehalf() {
        // 0. Create the credential with the guide's scopes.
        String backend =
                createServiceToken(uniqueName("web_ui_backend"), "settings:write", "sessions:write", "profile:write");

        webUiDataCalls(api(), backend, newUser(Role.USER));
    }

    @Test
    void whatAClientGetsWithoutAValidCredentialOnceTheSwitchIsOff() {
        User alice = newUser(Role.USER);
        User bob = newUser(Role.USER);
        String settings = "/settings/" + alice.getId();

        // 9. The switch is off: /health shows no legacy fields, and no credential is the normal 401.
        assertThat(api().get("/health", null).body()).isEqualTo("{\"status\":\"ok\",\"service\":\"user-service\"}");
        Api.Response none = api().get(settings, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.detail()).isEqualTo("Not authenticated");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");

        Api.Response invalid = api().get(settings, "not.a.token");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.detail()).isEqualTo("Could not validate credentials");

        Api.Response foreign = api().get(settings, api().token(bob.getUsername(), PASSWORD));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.detail()).isEqualTo("User not found");

        String token = api().token(alice.getUsername(), PASSWORD);
        clock.advance(Duration.ofMinutes(10080).plusSeconds(1));
        Api.Response expired = api().get(settings, token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.detail()).isEqualTo("Token has expired");
    }

    @Test
    void servicesPostingSessionsAndQuizResultsWithTheirOwnCredentials() {
        User alice = newUser(Role.USER);
        String id = alice.getId().toString();

        // 1. One credential per service, with only the scopes it uses.
        String agentName = uniqueName("agent_service");
        String agent = createServiceToken(agentName, "sessions:write");
        String generator = createServiceToken(uniqueName("test_generator"), "quiz:write", "profile:write");

        // 2. agent_service posts a chat session.
        Api.Response session = api().postJson(
                        "/sessions/",
                        "{\"user_id\":\"" + id + "\",\"session_id\":\"" + alice.getUsername()
                                + "_5f6e7d8c\",\"title\":null}",
                        agent);
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("user_id").asString()).isEqualTo(id);
        Api.Response taken = api().postJson(
                        "/sessions/",
                        "{\"user_id\":\"" + newUser(Role.USER).getId() + "\",\"session_id\":\"" + alice.getUsername()
                                + "_5f6e7d8c\"}",
                        agent);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.detail()).isEqualTo("Session ID already exists");

        // 3. test_generator posts a quiz result: 201 with the stored record.
        String result = "{\"user_id\":\"" + id + "\",\"quiz_id\":\"exam-linear-models-01\",\"score\":80.0,"
                + "\"details\":{\"total\":5,\"correct\":4}}";
        Api.Response posted = api().postJson("/quiz/results", result, generator);
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().propertyNames())
                .containsExactly("id", "user_id", "quiz_id", "score", "details", "created_at");
        assertThat(posted.json().get("details").get("correct").asInt()).isEqualTo(4);

        // 4. It reads the user's results and stats (quiz:write includes quiz:read).
        Api.Response results = api().get("/quiz/results/user/" + id, generator);
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.json()).hasSize(1);
        Api.Response stats = api().get("/quiz/results/user/" + id + "/stats", generator);
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("count").asInt()).isEqualTo(1);
        assertThat(stats.json().get("average").asDouble()).isEqualTo(80.0);
        assertThat(stats.json().get("best").asDouble()).isEqualTo(80.0);
        assertThat(stats.json().get("last").get("id").asString())
                .isEqualTo(posted.json().get("id").asString());

        // 5. And awards XP for it.
        Api.Response xp = api().postJson("/profile/" + id + "/add_xp", "{\"amount\":40}", generator);
        assertThat(xp.status()).isEqualTo(200);
        assertThat(xp.body()).isEqualTo("{\"status\":\"success\",\"new_xp\":40}");

        // 6. A credential without the scope is refused at the first call and stores nothing.
        Api.Response refused = api().postJson("/quiz/results", result, agent);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.detail()).isEqualTo("User not found");
        assertThat(api().get("/quiz/results/user/" + id, generator).json()).hasSize(1);

        // Rotation's last step: a revoked credential is 401 at once.
        credentials.revoke(agentName); // scripts/revoke_service_token.sh
        Api.Response revoked = api().get("/sessions/user/" + id, agent);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.detail()).isEqualTo("Could not validate credentials");
    }
}
