package org.llmtutor.userservice.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;

class SettingsTest extends IntegrationTest {

    private static final String FULL = "{\"agent\":{\"provider\":\"zai\",\"model\":\"glm-4.6v\"},"
            + "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},"
            + "\"quiz\":{\"provider\":\"openrouter\",\"model\":\"anthropic/claude-3-5-sonnet\"},"
            + "\"identityId\":\"hacker_woman\"}";

    private static final String DEFAULT_AGENT = "{\"provider\":\"zai\",\"model\":\"glm-4.6v\"}";
    private static final String DEFAULT_OPENAI = "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}";

    @Test
    void aUserWhoStoredNothingGetsAnEmptyObject() {
        User user = newUser(Role.USER);

        Api.Response r = api().get("/settings/" + user.getId(), token(user));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
    }

    @Test
    void postedSettingsRoundTripIncludingIdentityId() {
        User user = newUser(Role.USER);
        String token = token(user);

        Api.Response post = api().postJson("/settings/" + user.getId(), FULL, token);

        assertThat(post.status()).isEqualTo(200);
        assertThat(post.body()).isEqualTo("{\"status\":\"success\"}");
        assertThat(api().get("/settings/" + user.getId(), token).body()).isEqualTo(FULL);
    }

    @Test
    void aPartialStoredSetAnswersTheFullMapWithDefaultsForTheRest() {
        User user = newUser(Role.USER);
        String token = token(user);
        api().postJson(
                        "/settings/" + user.getId(),
                        "{\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"}}",
                        token);

        assertThat(api().get("/settings/" + user.getId(), token).body())
                .isEqualTo("{\"agent\":" + DEFAULT_AGENT
                        + ",\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"},\"quiz\":"
                        + DEFAULT_OPENAI + "}");
    }

    @Test
    void aRowLeftByThePythonServiceIsAnsweredInTheFullMap() {
        User user = newUser(Role.USER);
        jdbc.sql("INSERT INTO user_settings (id, user_id, service_type, provider, model_name)"
                        + " VALUES (:id, :u, 'quiz', 'openrouter', 'openai/gpt-4o')")
                .param("id", UUID.randomUUID())
                .param("u", user.getId())
                .update();

        JsonNode settings = api().get("/settings/" + user.getId(), token(user)).json();

        assertThat(settings.get("quiz").toString())
                .isEqualTo("{\"provider\":\"openrouter\",\"model\":\"openai/gpt-4o\"}");
        assertThat(settings.get("agent").toString()).isEqualTo(DEFAULT_AGENT);
        assertThat(settings.has("identityId")).isFalse();
    }

    @Test
    void postReplacesTheWholeSetSoLeftOutServicesAndIdentityGoBackToDefaults() {
        User user = newUser(Role.USER);
        String token = token(user);
        api().postJson("/settings/" + user.getId(), FULL, token);

        api().postJson(
                        "/settings/" + user.getId(),
                        "{\"agent\":{\"provider\":\"mistral\",\"model\":\"mistral-large-latest\"}}",
                        token);

        assertThat(api().get("/settings/" + user.getId(), token).body())
                .isEqualTo("{\"agent\":{\"provider\":\"mistral\",\"model\":\"mistral-large-latest\"},\"rag\":"
                        + DEFAULT_OPENAI + ",\"quiz\":" + DEFAULT_OPENAI + "}");
    }

    @Test
    void postingAnEmptyObjectClearsTheSettings() {
        User user = newUser(Role.USER);
        String token = token(user);
        api().postJson("/settings/" + user.getId(), FULL, token);

        assertThat(api().postJson("/settings/" + user.getId(), "{}", token).status())
                .isEqualTo(200);

        assertThat(api().get("/settings/" + user.getId(), token).body()).isEqualTo("{}");
    }

    @Test
    void rowsOfServicesThisVersionDoesNotKnowSurviveAReplace() {
        User user = newUser(Role.USER);
        jdbc.sql("INSERT INTO user_settings (id, user_id, service_type, provider, model_name)"
                        + " VALUES (:id, :u, 'tts', 'openai', 'tts-1')")
                .param("id", UUID.randomUUID())
                .param("u", user.getId())
                .update();

        api().postJson("/settings/" + user.getId(), FULL, token(user));

        assertThat(jdbc.sql("SELECT count(*) FROM user_settings WHERE user_id = :u AND service_type = 'tts'")
                        .param("u", user.getId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    static Stream<Arguments> badBodies() {
        String okAgent = "\"agent\":{\"provider\":\"zai\",\"model\":\"glm-4.6v\"}";
        return Stream.of(
                Arguments.of("{" + okAgent + ",\"tts\":{\"provider\":\"openai\",\"model\":\"x\"}}", "tts"),
                Arguments.of("{\"rag\":\"openai\"}", "rag"),
                Arguments.of("{\"rag\":null}", "rag"),
                Arguments.of("{\"rag\":{\"model\":\"gpt-4o\"}}", "rag.provider"),
                Arguments.of("{\"rag\":{\"provider\":\"openai\"}}", "rag.model"),
                Arguments.of("{\"rag\":{\"provider\":\" \",\"model\":\"gpt-4o\"}}", "rag.provider"),
                Arguments.of("{\"rag\":{\"provider\":\"openai\",\"model\":\"\"}}", "rag.model"),
                Arguments.of("{\"rag\":{\"provider\":\"anthropic\",\"model\":\"claude\"}}", "rag.provider"),
                Arguments.of("{\"rag\":{\"provider\":7,\"model\":\"gpt-4o\"}}", "rag.provider"),
                Arguments.of("{\"rag\":{\"provider\":\"openai\",\"model\":\"gpt 4o; drop\"}}", "rag.model"),
                Arguments.of("{\"rag\":{\"provider\":\"openai\",\"model\":\"" + "m".repeat(201) + "\"}}", "rag.model"),
                Arguments.of("{\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"key\":\"sk\"}}", "rag.key"),
                Arguments.of("{" + okAgent + ",\"identityId\":42}", "identityId"),
                Arguments.of("{" + okAgent + ",\"identityId\":\"" + "x".repeat(101) + "\"}", "identityId"),
                Arguments.of("{" + okAgent + ",\"identityId\":\"ds\\u0000man\"}", "identityId"),
                Arguments.of("[" + okAgent.replace("\"agent\":", "") + "]", "body"),
                Arguments.of("\"agent\"", "body"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badBodies")
    void badSettingsAre422NamingTheFieldAndLeaveTheStoredSetUntouched(String body, String field) {
        User user = newUser(Role.USER);
        String token = token(user);
        api().postJson("/settings/" + user.getId(), FULL, token);

        for (String method : List.of("POST", "PATCH")) {
            Api.Response r = api().method(method, "/settings/" + user.getId(), "application/json", body, token);

            assertThat(r.status()).as(method).isEqualTo(422);
            assertThat(r.json().get("detail").isString()).isTrue();
            assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
            assertThat(api().get("/settings/" + user.getId(), token).body()).isEqualTo(FULL);
        }
    }

    @Test
    void malformedJsonIsAClientErrorWithADetailAndChangesNothing() {
        User user = newUser(Role.USER);
        String token = token(user);
        api().postJson("/settings/" + user.getId(), FULL, token);

        Api.Response r = api().postJson("/settings/" + user.getId(), "{\"agent\":", token);

        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.json().get("detail").isString()).isTrue();
        assertThat(api().get("/settings/" + user.getId(), token).body()).isEqualTo(FULL);
    }

    @Test
    void patchChangesOnlyWhatItNamesAndAnswersTheWholeMap() {
        User user = newUser(Role.USER);
        String token = token(user);
        api().postJson("/settings/" + user.getId(), FULL, token);

        Api.Response r = api().method(
                        "PATCH",
                        "/settings/" + user.getId(),
                        "application/json",
                        "{\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"}}",
                        token);

        String expected = FULL.replace(
                "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}",
                "\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(expected);
        assertThat(api().get("/settings/" + user.getId(), token).body()).isEqualTo(expected);
    }

    @Test
    void patchWithANullIdentityIdClearsOnlyTheIdentity() {
        User user = newUser(Role.USER);
        String token = token(user);
        api().postJson("/settings/" + user.getId(), FULL, token);

        Api.Response r =
                api().method("PATCH", "/settings/" + user.getId(), "application/json", "{\"identityId\":null}", token);

        assertThat(r.json().has("identityId")).isFalse();
        assertThat(r.json().get("quiz").get("provider").asString()).isEqualTo("openrouter");
    }

    @Test
    void patchOfAUserWithNothingStoredStartsFromTheDefaults() {
        User user = newUser(Role.USER);

        Api.Response r = api().method(
                        "PATCH",
                        "/settings/" + user.getId(),
                        "application/json",
                        "{\"identityId\":\"researcher_man\"}",
                        token(user));

        assertThat(r.body())
                .isEqualTo("{\"agent\":" + DEFAULT_AGENT + ",\"rag\":" + DEFAULT_OPENAI + ",\"quiz\":" + DEFAULT_OPENAI
                        + ",\"identityId\":\"researcher_man\"}");
    }

    @Test
    void catalogListsProvidersSuggestedModelsAndDefaultsToAnyCaller() {
        User user = newUser(Role.USER);

        Api.Response r = api().get("/settings/catalog", token(user));

        assertThat(r.status()).isEqualTo(200);
        JsonNode catalog = r.json();
        assertThat(catalog.get("services").toString()).isEqualTo("[\"agent\",\"rag\",\"quiz\"]");
        assertThat(catalog.get("providers").toString()).isEqualTo("[\"zai\",\"openai\",\"openrouter\",\"mistral\"]");
        assertThat(catalog.get("models").get("openrouter").toString()).contains("anthropic/claude-3-5-sonnet");
        assertThat(catalog.get("defaults").get("agent").toString()).isEqualTo(DEFAULT_AGENT);
        assertThat(api().get("/settings/catalog", null).status()).isEqualTo(401);
    }

    @Test
    void aPathIdThatIsNotAUuidIs422OnEverySettingsMethod() {
        User user = newUser(Role.USER);
        String token = token(user);

        for (String method : List.of("GET", "POST", "PATCH")) {
            Api.Response r = api().method(
                            method, "/settings/tmp", method.equals("GET") ? null : "application/json", FULL, token);
            assertThat(r.status()).as(method).isEqualTo(422);
        }
    }

    @Test
    void anUnknownUserIs404EvenForAnAdmin() {
        String admin = token(newUser(Role.ADMIN));
        String path = "/settings/" + UUID.randomUUID();

        assertThat(api().get(path, admin).status()).isEqualTo(404);
        assertThat(api().postJson(path, FULL, admin).status()).isEqualTo(404);
        assertThat(api().get(path, admin).detail()).isEqualTo("User not found");
    }

    @Test
    void theTrailingSlashMeansTheSame() {
        User user = newUser(Role.USER);
        String token = token(user);

        assertThat(api().postJson("/settings/" + user.getId() + "/", FULL, token)
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/settings/" + user.getId() + "/", token).body()).isEqualTo(FULL);
    }

    /** Twenty complete sets posted at once: the stored set is exactly one of them, never a mix, and nothing fails. */
    @Test
    void concurrentReplacesLeaveOneCompleteSetAndNoError() throws Exception {
        User user = newUser(Role.USER);
        String token = token(user);
        int writers = 20;
        List<Future<Integer>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int i = 0; i < writers; i++) {
                String body = FULL.replace("glm-4.6v", "model-" + i)
                        .replace("gpt-4o-mini", "model-" + i)
                        .replace("anthropic/claude-3-5-sonnet", "model-" + i)
                        .replace("hacker_woman", "persona-" + i);
                results.add(pool.submit(() ->
                        api().postJson("/settings/" + user.getId(), body, token).status()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode stored = api().get("/settings/" + user.getId(), token).json();
        String winner = stored.get("identityId").asString().replace("persona-", "model-");
        assertThat(stored.get("agent").get("model").asString()).isEqualTo(winner);
        assertThat(stored.get("rag").get("model").asString()).isEqualTo(winner);
        assertThat(stored.get("quiz").get("model").asString()).isEqualTo(winner);
        assertThat(jdbc.sql("SELECT count(*) FROM user_settings WHERE user_id = :u")
                        .param("u", user.getId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    private String token(User user) {
        return api().token(user.getUsername(), PASSWORD);
    }
}
