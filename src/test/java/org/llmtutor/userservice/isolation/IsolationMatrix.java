package org.llmtutor.userservice.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contract part B as a matrix: every per-user endpoint against every kind of caller. A row that may not reach the
 * owner's data gets 404 (or 401 without a credential) and never a byte of that data. {@link IsolationMatrixTest} runs
 * it on the suite's instance, {@link IsolationMatrixLegacySwitchIT} the column that needs the Python-era switch on.
 */
abstract class IsolationMatrix extends IntegrationTest {

    /** The kinds of caller tried against each endpoint. */
    enum Caller {
        OWNER,
        OTHER_USER,
        DEVELOPER,
        ADMIN,
        SERVICE_WITH_SCOPE,
        SERVICE_WITHOUT_SCOPE,
        NO_TOKEN,
        NO_TOKEN_LEGACY_SWITCH_ON
    }

    /**
     * One endpoint: how to call it for an owner's fresh fixture, whether it reads or writes, the scope a service needs,
     * and whether it is one of the Python-era paths the legacy switch opens.
     */
    record Endpoint(
            String name,
            String method,
            Function<Fixture, String> path,
            Function<Fixture, String> body,
            boolean write,
            Scope scope,
            boolean legacy,
            int okStatus) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** What exists for the owner before the call. */
    record Fixture(User owner, String sessionId) {}

    private static final String SETTINGS_BODY =
            "{\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"},\"identityId\":\"ds_man\"}";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(
                    "create session",
                    "POST",
                    f -> "/sessions/",
                    f -> sessionBody(f.owner(), "new_" + UUID.randomUUID()),
                    true,
                    Scope.SESSIONS_WRITE,
                    true,
                    200),
            new Endpoint(
                    "list sessions",
                    "GET",
                    f -> "/sessions/user/" + f.owner().getId(),
                    f -> null,
                    false,
                    Scope.SESSIONS_READ,
                    true,
                    200),
            new Endpoint(
                    "rename session",
                    "PATCH",
                    f -> "/sessions/" + f.sessionId(),
                    f -> "{\"title\":\"renamed\"}",
                    true,
                    Scope.SESSIONS_WRITE,
                    false,
                    200),
            new Endpoint(
                    "delete session",
                    "DELETE",
                    f -> "/sessions/" + f.sessionId(),
                    f -> null,
                    true,
                    Scope.SESSIONS_WRITE,
                    true,
                    200),
            new Endpoint(
                    "read xp",
                    "GET",
                    f -> "/profile/" + f.owner().getId() + "/xp",
                    f -> null,
                    false,
                    Scope.PROFILE_READ,
                    true,
                    200),
            new Endpoint(
                    "add xp",
                    "POST",
                    f -> "/profile/" + f.owner().getId() + "/add_xp",
                    f -> "{\"amount\":5}",
                    true,
                    Scope.PROFILE_WRITE,
                    true,
                    200),
            new Endpoint(
                    "read profile",
                    "GET",
                    f -> "/profile/" + f.owner().getId(),
                    f -> null,
                    false,
                    Scope.PROFILE_READ,
                    false,
                    200),
            new Endpoint(
                    "record quiz result",
                    "POST",
                    f -> "/quiz/results",
                    f -> "{\"user_id\":\"" + f.owner().getId() + "\",\"quiz_id\":\"q1\",\"score\":80}",
                    true,
                    Scope.QUIZ_WRITE,
                    false,
                    201),
            new Endpoint(
                    "list quiz results",
                    "GET",
                    f -> "/quiz/results/user/" + f.owner().getId(),
                    f -> null,
                    false,
                    Scope.QUIZ_READ,
                    false,
                    200),
            new Endpoint(
                    "quiz stats",
                    "GET",
                    f -> "/quiz/results/user/" + f.owner().getId() + "/stats",
                    f -> null,
                    false,
                    Scope.QUIZ_READ,
                    false,
                    200),
            new Endpoint(
                    "read settings",
                    "GET",
                    f -> "/settings/" + f.owner().getId(),
                    f -> null,
                    false,
                    Scope.SETTINGS_READ,
                    true,
                    200),
            new Endpoint(
                    "replace settings",
                    "POST",
                    f -> "/settings/" + f.owner().getId(),
                    f -> SETTINGS_BODY,
                    true,
                    Scope.SETTINGS_WRITE,
                    true,
                    200),
            new Endpoint(
                    "merge settings",
                    "PATCH",
                    f -> "/settings/" + f.owner().getId(),
                    f -> SETTINGS_BODY,
                    true,
                    Scope.SETTINGS_WRITE,
                    false,
                    200));

    @Autowired
    ServiceCredentialService credentials;

    /**
     * Calls the endpoint on a fresh fixture as the caller, through {@code api} (the instance whose configuration that
     * caller needs), and checks the status, that a refusal names nothing of the owner's, and that it changed nothing.
     */
    void assertAnswersAsContractPartBSays(Endpoint endpoint, Caller caller, Api api) {
        Fixture fixture = fixture();
        String marker = fixture.owner().getUsername();

        Api.Response r = api.method(
                endpoint.method(),
                endpoint.path().apply(fixture),
                endpoint.body().apply(fixture) == null ? null : "application/json",
                endpoint.body().apply(fixture),
                credential(caller, endpoint, fixture));

        int expected = expectedStatus(endpoint, caller);
        assertThat(r.status()).as("%s by %s: %s", endpoint, caller, r.body()).isEqualTo(expected);
        if (expected >= 400) {
            // The problem's instance is the path the caller sent; nothing else may name the owner or their data.
            String sent = endpoint.path().apply(fixture).replaceAll("/$", "");
            assertThat(r.body().replace(sent, ""))
                    .doesNotContain(marker, fixture.owner().getId().toString(), fixture.sessionId());
            assertThat(stillThere(fixture)).as("nothing changed").isTrue();
        }
    }

    private static int expectedStatus(Endpoint endpoint, Caller caller) {
        return switch (caller) {
            case OWNER, ADMIN, SERVICE_WITH_SCOPE -> endpoint.okStatus();
            case DEVELOPER -> endpoint.write() ? 404 : endpoint.okStatus();
            case OTHER_USER, SERVICE_WITHOUT_SCOPE -> 404;
            case NO_TOKEN -> 401;
            case NO_TOKEN_LEGACY_SWITCH_ON -> endpoint.legacy() ? endpoint.okStatus() : 401;
        };
    }

    private String credential(Caller caller, Endpoint endpoint, Fixture fixture) {
        return switch (caller) {
            case OWNER -> tokenOf(fixture.owner());
            case OTHER_USER -> tokenOf(newUser(Role.USER));
            case DEVELOPER -> tokenOf(newUser(Role.DEVELOPER));
            case ADMIN -> tokenOf(newUser(Role.ADMIN));
            case SERVICE_WITH_SCOPE ->
                credentials.create(uniqueName("svc"), Set.of(endpoint.scope())).token();
            case SERVICE_WITHOUT_SCOPE ->
                credentials
                        .create(uniqueName("svc"), otherScopes(endpoint.scope()))
                        .token();
            case NO_TOKEN, NO_TOKEN_LEGACY_SWITCH_ON -> null;
        };
    }

    private Fixture fixture() {
        User owner = newUser(Role.USER);
        String sessionId = "fixture_" + UUID.randomUUID();
        api().postJson("/sessions/", sessionBody(owner, sessionId), tokenOf(owner));
        return new Fixture(owner, sessionId);
    }

    /** The owner's data is exactly as the fixture made it. */
    private boolean stillThere(Fixture fixture) {
        UUID owner = fixture.owner().getId();
        return number("SELECT count(*) FROM chat_sessions WHERE user_id = :v", owner) == 1
                && number(
                                "SELECT count(*) FROM chat_sessions WHERE session_id = :v AND title IS NULL",
                                fixture.sessionId())
                        == 1
                && number("SELECT xp FROM users WHERE id = :v", owner) == 0
                && number("SELECT count(*) FROM quiz_results WHERE user_id = :v", owner) == 0
                && number("SELECT count(*) FROM user_settings WHERE user_id = :v", owner) == 0
                && number("SELECT count(*) FROM user_settings_identity WHERE user_id = :v", owner) == 0;
    }

    private int number(String sql, Object value) {
        return jdbc.sql(sql).param("v", value).query(Integer.class).single();
    }

    private String tokenOf(User user) {
        return api().token(user.getUsername(), PASSWORD);
    }

    /** Every scope except the ones that would grant this endpoint. */
    private static Set<Scope> otherScopes(Scope needed) {
        String data = needed.wireName().substring(0, needed.wireName().indexOf(':'));
        Set<Scope> others = java.util.EnumSet.allOf(Scope.class);
        others.removeIf(s -> s.wireName().startsWith(data + ":"));
        return others;
    }

    private static String sessionBody(User owner, String sessionId) {
        return "{\"user_id\":\"" + owner.getId() + "\",\"session_id\":\"" + sessionId + "\"}";
    }
}
