package org.llmtutor.userservice.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;

class SettingsTest extends IntegrationTest {

    static final String FULL = "{\"agent\":{\"provider\":\"zai\",\"model\":\"glm-4.6v\"},"
            + "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},"
            + "\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"},\"identityId\":\"ds_man\"}";

    /** A stored set that differs from the defaults everywhere, so that any change to it shows. */
    static final String CUSTOM = "{\"agent\":{\"provider\":\"openrouter\",\"model\":\"anthropic/claude-3-5-sonnet\"},"
            + "\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"},"
            + "\"quiz\":{\"provider\":\"zai\",\"model\":\"glm-4.5-air\"},\"identityId\":\"hacker_woman\"}";

    static final String DEFAULT_AGENT = "\"agent\":{\"provider\":\"zai\",\"model\":\"glm-4.6v\"}";
    static final String DEFAULT_RAG = "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}";
    static final String DEFAULT_QUIZ = "\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}";

    @Autowired
    ServiceCredentialService credentials;

    @Test
    void nothingStoredAnswersAnEmptyObject() {
        User user = newUser(Role.USER);

        Api.Response r = api().get("/settings/" + user.getId(), token(user));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
    }

    @Test
    void postAnswersSuccessAndTheWholeSetIncludingIdentityIdRoundTrips() {
        User user = newUser(Role.USER);
        String token = token(user);

        Api.Response r = api().postJson("/settings/" + user.getId(), CUSTOM, token);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"success\"}");
        assertThat(get(user, token)).isEqualTo(CUSTOM);
        assertThat(jdbc.sql("SELECT identity_id FROM user_settings_identity WHERE user_id = :u")
                        .param("u", user.getId())
                        .query(String.class)
                        .single())
                .isEqualTo("hacker_woman");
    }

    @Test
    void theContractExampleRoundTripsByteForByte() {
        User user = newUser(Role.USER);
        String token = token(user);

        api().postJson("/settings/" + user.getId(), FULL, token);

        assertThat(get(user, token)).isEqualTo(FULL);
    }

    @Test
    void aPartialStoredSetAnswersTheFullMapWithDefaultsFillingTheRest() {
        User user = newUser(Role.USER);
        String token = token(user);

        post(user, "{\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-large-latest\"}}", token);

        assertThat(get(user, token))
                .isEqualTo(
                        "{" + DEFAULT_AGENT + ",\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-large-latest\"},"
                                + DEFAULT_QUIZ + "}");
    }

    @Test
    void anIdentityAloneAnswersTheDefaultsForEveryService() {
        User user = newUser(Role.USER);
        String token = token(user);

        post(user, "{\"identityId\":\"researcher_man\"}", token);

        assertThat(get(user, token))
                .isEqualTo("{" + DEFAULT_AGENT + "," + DEFAULT_RAG + "," + DEFAULT_QUIZ
                        + ",\"identityId\":\"researcher_man\"}");
    }

    @Test
    void postReplacesTheWholeStoredSetSoWhatItLeavesOutFallsBackToDefaults() {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);

        post(user, "{\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt-4.1\"}}", token);

        assertThat(get(user, token))
                .isEqualTo("{" + DEFAULT_AGENT + "," + DEFAULT_RAG
                        + ",\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt-4.1\"}}");
        assertThat(storedRows(user)).isEqualTo(1);
    }

    @Test
    void postingAnEmptyObjectClearsTheSettingsSoGetAnswersEmptyAgain() {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);

        post(user, "{}", token);

        assertThat(get(user, token)).isEqualTo("{}");
        assertThat(storedRows(user)).isZero();
    }

    @Test
    void aNullIdentityIdMeansNoneChosen() {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);

        post(user, "{\"agent\":{\"provider\":\"zai\",\"model\":\"glm-4.6v\"},\"identityId\":null}", token);

        assertThat(get(user, token)).isEqualTo("{" + DEFAULT_AGENT + "," + DEFAULT_RAG + "," + DEFAULT_QUIZ + "}");
    }

    @Test
    void serviceTypesUnknownToThisVersionAreLeftOutOfTheMapAndDroppedByAReplace() {
        User user = newUser(Role.USER);
        String token = token(user);
        jdbc.sql("INSERT INTO user_settings (user_id, service_type, provider, model_name)"
                        + " VALUES (:u, 'orchestrator', 'openai', 'gpt-4')")
                .param("u", user.getId())
                .update();

        assertThat(get(user, token)).isEqualTo("{}");
        patch(user, "{\"identityId\":\"ds_woman\"}", token);
        assertThat(storedRows(user))
                .as("a merge keeps what it does not understand")
                .isEqualTo(1);

        post(user, "{\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o\"}}", token);
        assertThat(jdbc.sql("SELECT service_type FROM user_settings WHERE user_id = :u")
                        .param("u", user.getId())
                        .query(String.class)
                        .list())
                .containsExactly("rag");
    }

    @Test
    void storedValuesThatTodaysRulesWouldRefuseAreStillAnsweredAsStored() {
        User user = newUser(Role.USER);
        jdbc.sql("INSERT INTO user_settings (user_id, service_type, provider, model_name)"
                        + " VALUES (:u, 'agent', 'anthropic', 'claude 3 opus')")
                .param("u", user.getId())
                .update();

        assertThat(get(user, token(user)))
                .isEqualTo("{\"agent\":{\"provider\":\"anthropic\",\"model\":\"claude 3 opus\"}," + DEFAULT_RAG + ","
                        + DEFAULT_QUIZ + "}");
    }

    static Stream<Arguments> badBodies() {
        String good = "{\"provider\":\"openai\",\"model\":\"gpt-4o\"}";
        return Stream.of(
                Arguments.of("unknown service key", "{\"agnt\":" + good + "}", "agnt"),
                Arguments.of("service value a string", "{\"agent\":\"zai\"}", "agent"),
                Arguments.of("service value an array", "{\"agent\":[\"zai\",\"glm-4.6v\"]}", "agent"),
                Arguments.of("missing provider", "{\"agent\":{\"model\":\"gpt-4o\"}}", "agent.provider"),
                Arguments.of("null provider", "{\"agent\":{\"provider\":null,\"model\":\"gpt-4o\"}}", "agent.provider"),
                Arguments.of(
                        "blank provider", "{\"agent\":{\"provider\":\"  \",\"model\":\"gpt-4o\"}}", "agent.provider"),
                Arguments.of(
                        "provider a number", "{\"agent\":{\"provider\":1,\"model\":\"gpt-4o\"}}", "agent.provider"),
                Arguments.of(
                        "unknown provider",
                        "{\"rag\":{\"provider\":\"anthropic\",\"model\":\"gpt-4o\"}}",
                        "rag.provider"),
                Arguments.of(
                        "provider in another case",
                        "{\"rag\":{\"provider\":\"OpenAI\",\"model\":\"gpt-4o\"}}",
                        "rag.provider"),
                Arguments.of("missing model", "{\"quiz\":{\"provider\":\"openai\"}}", "quiz.model"),
                Arguments.of("blank model", "{\"quiz\":{\"provider\":\"openai\",\"model\":\"\"}}", "quiz.model"),
                Arguments.of(
                        "model with a space",
                        "{\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt 4o\"}}",
                        "quiz.model"),
                Arguments.of(
                        "model with markup",
                        "{\"quiz\":{\"provider\":\"openai\",\"model\":\"<script>\"}}",
                        "quiz.model"),
                Arguments.of(
                        "model with a control character",
                        "{\"quiz\":{\"provider\":\"openai\",\"model\":\"gpt\\u0000\"}}",
                        "quiz.model"),
                Arguments.of(
                        "model over 200 characters",
                        "{\"quiz\":{\"provider\":\"openai\",\"model\":\"" + "m".repeat(201) + "\"}}",
                        "quiz.model"),
                Arguments.of(
                        "unknown field in a service",
                        "{\"agent\":{\"provider\":\"zai\",\"model\":\"glm-4.6v\",\"temperature\":0.2}}",
                        "agent.temperature"),
                Arguments.of("identityId a number", "{\"identityId\":7}", "identityId"),
                Arguments.of("identityId an object", "{\"identityId\":{\"id\":\"ds_man\"}}", "identityId"),
                Arguments.of("identityId blank", "{\"identityId\":\" \"}", "identityId"),
                Arguments.of(
                        "identityId over 100 characters", "{\"identityId\":\"" + "x".repeat(101) + "\"}", "identityId"),
                Arguments.of("identityId with a control character", "{\"identityId\":\"ds\\nman\"}", "identityId"),
                Arguments.of(
                        "one good service and one bad",
                        "{\"agent\":" + good + ",\"rag\":{\"provider\":\"x\",\"model\":\"m\"}}",
                        "rag.provider"),
                Arguments.of("body an array", "[" + good + "]", "body"),
                Arguments.of("body a string", "\"agent\"", "body"));
    }

    @ParameterizedTest(name = "POST with {0} is 422 naming {2}")
    @MethodSource("badBodies")
    void eachBadPostIs422NamingTheFieldAndLeavesTheStoredSettingsUntouched(String name, String body, String field) {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);

        assertInvalid(api().postJson("/settings/" + user.getId(), body, token), field);

        assertThat(get(user, token)).isEqualTo(CUSTOM);
    }

    @ParameterizedTest(name = "PATCH with {0} is 422 naming {2}")
    @MethodSource("badBodies")
    void eachBadPatchIs422NamingTheFieldAndLeavesTheStoredSettingsUntouched(String name, String body, String field) {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);

        assertInvalid(patchResponse(user, body, token), field);

        assertThat(get(user, token)).isEqualTo(CUSTOM);
    }

    @Test
    void aNullServiceIsRefusedByPostBecausePostReplacesWithObjectsOnly() {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);

        assertInvalid(api().postJson("/settings/" + user.getId(), "{\"agent\":null}", token), "agent");

        assertThat(get(user, token)).isEqualTo(CUSTOM);
    }

    @Test
    void everyBadFieldOfOneBodyIsNamedInOneAnswer() {
        User user = newUser(Role.USER);

        Api.Response r = api().postJson(
                        "/settings/" + user.getId(),
                        "{\"agent\":{\"provider\":\"x\",\"model\":\"a b\"},\"foo\":1,\"identityId\":5}",
                        token(user));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .containsExactly("agent.model", "agent.provider", "foo", "identityId");
        assertThat(r.detail()).startsWith("Validation failed: agent.model");
    }

    @Test
    void malformedOrMissingBodiesAre422AndNeverA500() {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);
        String path = "/settings/" + user.getId();

        for (String body : new String[] {"{\"agent\":", "{agent: 1}", "", "null", "{\"agent\":{\"provider\":\"zai\""}) {
            Api.Response r = api().postJson(path, body, token);
            assertThat(r.status()).as("POST %s: %s", body, r.body()).isEqualTo(422);
            assertThat(r.json().get("detail").isString()).isTrue();
            assertThat(patchResponse(user, body, token).status())
                    .as("PATCH %s", body)
                    .isEqualTo(422);
        }
        assertThat(api().method("POST", path, "text/plain", CUSTOM, token).status())
                .isEqualTo(415);
        assertThat(get(user, token)).isEqualTo(CUSTOM);
    }

    @Test
    void aPathIdThatIsNotAUuidIs422() {
        User user = newUser(Role.USER);
        String token = token(user);

        assertInvalid(api().get("/settings/tmp", token), "user_id");
        assertInvalid(api().postJson("/settings/tmp", FULL, token), "user_id");
        assertInvalid(api().method("PATCH", "/settings/tmp", "application/json", FULL, token), "user_id");
        assertInvalid(api().get("/settings/tmp/", token), "user_id");
    }

    @Test
    void theTrailingSlashVariantsMeanTheSame() {
        User user = newUser(Role.USER);
        String token = token(user);

        Api.Response posted = api().postJson("/settings/" + user.getId() + "/", CUSTOM, token);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(api().get("/settings/" + user.getId() + "/", token).body()).isEqualTo(CUSTOM);
        assertThat(api().method(
                                "PATCH",
                                "/settings/" + user.getId() + "/",
                                "application/json",
                                "{\"identityId\":\"ds_man\"}",
                                token)
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/settings/catalog/", token).status()).isEqualTo(200);
    }

    @Test
    void patchChangesOnlyWhatItNamesAndAnswersTheWholeResultingMap() {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);

        Api.Response r = patchResponse(user, "{\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o\"}}", token);

        assertThat(r.status()).isEqualTo(200);
        String expected = CUSTOM.replace(
                "\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"}",
                "\"rag\":{\"provider\":\"openai\",\"model\":\"gpt-4o\"}");
        assertThat(r.body()).isEqualTo(expected);
        assertThat(get(user, token)).isEqualTo(expected);

        assertThat(patch(user, "{\"identityId\":\"ml_enjeneer_man\"}", token))
                .isEqualTo(expected.replace("hacker_woman", "ml_enjeneer_man"));
        assertThat(patch(user, "{}", token)).isEqualTo(expected.replace("hacker_woman", "ml_enjeneer_man"));
    }

    @Test
    void patchWithNullDropsAServiceBackToItsDefaultAndRemovesTheIdentity() {
        User user = newUser(Role.USER);
        String token = token(user);
        post(user, CUSTOM, token);

        String result = patch(user, "{\"agent\":null,\"identityId\":null}", token);

        assertThat(result)
                .isEqualTo(
                        "{" + DEFAULT_AGENT + ",\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"},"
                                + "\"quiz\":{\"provider\":\"zai\",\"model\":\"glm-4.5-air\"}}");
        assertThat(patch(user, "{\"rag\":null,\"quiz\":null}", token)).isEqualTo("{}");
        assertThat(get(user, token)).isEqualTo("{}");
    }

    @Test
    void patchOnNothingStoredAnswersTheFullMap() {
        User user = newUser(Role.USER);
        String token = token(user);

        assertThat(patch(user, "{\"quiz\":{\"provider\":\"mistral\",\"model\":\"mistral-large-latest\"}}", token))
                .isEqualTo("{" + DEFAULT_AGENT + "," + DEFAULT_RAG
                        + ",\"quiz\":{\"provider\":\"mistral\",\"model\":\"mistral-large-latest\"}}");
    }

    @Test
    void catalogListsProvidersSuggestedModelsAndDefaultsToAnyValidCredential() {
        User user = newUser(Role.USER);
        String anyService =
                credentials.create(uniqueName("ui"), Set.of(Scope.QUIZ_READ)).token();

        Api.Response r = api().get("/settings/catalog", token(user));

        assertThat(r.status()).isEqualTo(200);
        var catalog = r.json();
        assertThat(catalog.get("providers").valueStream().map(n -> n.asString()))
                .containsExactly("zai", "openai", "openrouter", "mistral");
        assertThat(catalog.get("models").propertyNames()).containsExactly("zai", "openai", "openrouter", "mistral");
        assertThat(catalog.get("models").get("openrouter").valueStream().map(n -> n.asString()))
                .contains("anthropic/claude-3-5-sonnet");
        assertThat(catalog.get("defaults").toString())
                .isEqualTo("{" + DEFAULT_AGENT + "," + DEFAULT_RAG + "," + DEFAULT_QUIZ + "}");
        assertThat(api().get("/settings/catalog", anyService).status()).isEqualTo(200);
        assertThat(api().get("/settings/catalog", null).status()).isEqualTo(401);
        assertThat(api().get("/settings/catalog", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void everySuggestedModelAndDefaultWouldPassValidation() {
        User user = newUser(Role.USER);
        String token = token(user);
        var models = api().get("/settings/catalog", token).json().get("models");

        for (String provider : models.propertyNames()) {
            for (var model : models.get(provider)) {
                String body = "{\"agent\":{\"provider\":\"" + provider + "\",\"model\":\"" + model.asString() + "\"}}";
                assertThat(patchResponse(user, body, token).status()).as(body).isEqualTo(200);
            }
        }
    }

    @Test
    void unknownUserIs404ForReadsAndWrites() {
        User admin = newUser(Role.ADMIN);
        String token = token(admin);
        UUID ghost = UUID.randomUUID();

        Api.Response read = api().get("/settings/" + ghost, token);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.detail()).isEqualTo("User not found");
        assertThat(api().postJson("/settings/" + ghost, FULL, token).status()).isEqualTo(404);
        assertThat(api().method("PATCH", "/settings/" + ghost, "application/json", FULL, token)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anotherUsersSettingsAreNotFoundAndStayUnchanged() {
        User alice = newUser(Role.USER);
        User bob = newUser(Role.USER);
        post(alice, CUSTOM, token(alice));

        Api.Response read = api().get("/settings/" + alice.getId(), token(bob));
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.detail()).isEqualTo("User not found");
        assertThat(api().postJson("/settings/" + alice.getId(), "{}", token(bob))
                        .status())
                .isEqualTo(404);
        assertThat(get(alice, token(alice))).isEqualTo(CUSTOM);
    }

    @Test
    void deletingTheUserDeletesTheirIdentityToo() {
        User user = newUser(Role.USER);
        post(user, CUSTOM, token(user));

        jdbc.sql("DELETE FROM users WHERE id = :u").param("u", user.getId()).update();

        assertThat(jdbc.sql("SELECT count(*) FROM user_settings_identity WHERE user_id = :u")
                        .param("u", user.getId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private int storedRows(User user) {
        return jdbc.sql("SELECT count(*) FROM user_settings WHERE user_id = :u")
                .param("u", user.getId())
                .query(Integer.class)
                .single();
    }

    private String get(User user, String token) {
        Api.Response r = api().get("/settings/" + user.getId(), token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private void post(User user, String body, String token) {
        Api.Response r = api().postJson("/settings/" + user.getId(), body, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String patch(User user, String body, String token) {
        Api.Response r = patchResponse(user, body, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private Api.Response patchResponse(User user, String body, String token) {
        return api().method("PATCH", "/settings/" + user.getId(), "application/json", body, token);
    }

    private String token(User user) {
        return api().token(user.getUsername(), PASSWORD);
    }

    private static void assertInvalid(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
        assertThat(r.json().get("detail").isString()).isTrue();
    }
}
