package org.llmtutor.userservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.support.RawHttp;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/**
 * The platform calls this service by its network aliases: {@code http://user_service:8000} (the compose files, the
 * Web UI backend's default) and {@code http://user-service:8000} (the Python service's README). Sent as they arrive
 * from another container, byte for byte with that Host header.
 */
class PlatformAddressTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"user_service:8000", "user_service", "user-service:8000", "user_service.internal_net"})
    void loginSettingsAndSessionsAnswerOnEveryPlatformAddress(String host) {
        User user = newUser(Role.USER);
        String id = user.getId().toString();

        RawHttp.Response login = send(
                host,
                "POST",
                "/auth/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "username=" + user.getUsername() + "&password=" + PASSWORD.replace(' ', '+'));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = login.jsonOrNull().get("access_token").asString();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");

        RawHttp.Response stored = send(
                host, "POST", "/settings/" + id, auth, "{\"agent\":{\"provider\":\"openai\",\"model\":\"gpt-4o\"}}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        RawHttp.Response settings = send(host, "GET", "/settings/" + id, auth, null);
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(settings.jsonOrNull().at("/agent/model").asString()).isEqualTo("gpt-4o");

        String sessionId = uniqueName("s");
        RawHttp.Response created = send(
                host, "POST", "/sessions/", auth, "{\"user_id\":\"" + id + "\",\"session_id\":\"" + sessionId + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        RawHttp.Response sessions = send(host, "GET", "/sessions/user/" + id, auth, null);
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        assertThat(sessions.jsonOrNull().get(0).get("session_id").asString()).isEqualTo(sessionId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user service", "user_service..x", "user_service:80a", "[::_]", "-a_b"})
    void aMalformedHostIsStillA400WithAJsonProblem(String host) {
        RawHttp.Response answer = send(host, "GET", "/health", Map.of(), null);

        assertThat(answer.status()).as(host).isEqualTo(400);
        assertThat(answer.jsonOrNull().get("detail").asString()).isNotBlank();
    }

    private RawHttp.Response send(String host, String method, String path, Map<String, String> headers, String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(port, RawHttp.request(method, path, host, headers, bytes));
    }
}
