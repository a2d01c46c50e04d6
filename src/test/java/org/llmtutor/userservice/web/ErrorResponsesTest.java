package org.llmtutor.userservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/** Every kind of error answers JSON with a string detail: no HTML, no stack trace, no SQL. */
class ErrorResponsesTest extends IntegrationTest {

    @Test
    void unknownPathIs404Json() {
        Api.Response r = api().get("/no/such/path", token());

        assertJsonError(r, 404);
    }

    @Test
    void unknownPathIsJsonEvenForABrowserAskingForHtml() {
        Api.Response r = api().send(api().request("/no/such/path", token())
                .header("Accept", "text/html")
                .GET());

        assertJsonError(r, 404);
    }

    @Test
    void wrongMethodIs405Json() {
        assertJsonError(api().get("/auth/login", null), 405);
        assertJsonError(api().method("DELETE", "/health", null, null, null), 405);
        assertJsonError(api().method("DELETE", "/auth/me", null, null, token()), 405);
    }

    @Test
    void unsupportedMediaTypeIs415Json() {
        assertJsonError(api().method("POST", "/auth/login", "text/plain", "username=a", null), 415);
    }

    @Test
    void oversizedBodyIs413JsonAndClosesTheConnection() {
        String big = "username=" + "a".repeat(300_000) + "&password=x";
        Api.Response r = api().method("POST", "/auth/login", "application/x-www-form-urlencoded", big, null);

        assertJsonError(r, 413);
        assertThat(r.header("Connection")).isEqualTo("close");
    }

    @Test
    void oversizedChunkedBodyIs413JsonAndClosesTheConnection() {
        byte[] chunk = ("{\"a\":\"" + "a".repeat(400_000) + "\"}").getBytes();
        Api.Response r = api().send(api().request("/test/echo", token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunk))));

        assertJsonError(r, 413);
        // The unread rest of the body makes the connection useless; a client must not send another request on it.
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(api().postJson("/test/echo", "{\"name\": ", token()).status())
                .isEqualTo(422);
    }

    @Test
    void malformedJsonIs422Json() {
        Api.Response r = api().postJson("/test/echo", "{\"name\": ", token());

        assertJsonError(r, 422);
        assertThat(r.json().get("errors").isArray()).isTrue();
    }

    @Test
    void wrongJsonTypeIs422NamingTheField() {
        Api.Response r = api().postJson("/test/echo", "{\"count\": \"many\"}", token());

        assertJsonError(r, 422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("count");
    }

    @Test
    void unexpectedExceptionIs500JsonWithoutInternals() {
        Api.Response r = api().get("/test/failure", token());

        assertJsonError(r, 500);
        assertThat(r.body()).doesNotContain("SELECT", "users", "Exception", "at org.");
    }

    @Test
    void malformedUriRejectedByTomcatItselfIsJson() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write("GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response).containsIgnoringCase("X-Request-Id: ");
            assertThat(response).contains("\"detail\":\"Bad Request\"");
        }
    }

    private String token() {
        User user = newUser(Role.USER);
        return api().token(user.getUsername(), PASSWORD);
    }

    private static void assertJsonError(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").isString()).isTrue();
        assertThat(r.body()).doesNotContain("<html", "<HTML", "trace");
    }
}
