package org.llmtutor.userservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends IntegrationTest {

    private static final String HEADER = "X-Request-Id";

    @Test
    void aValidIdIsEchoed() {
        String id = "web-ui.2026_01_20-" + "a".repeat(80);

        Api.Response r = get("/health", id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(HEADER)).isEqualTo(id);
    }

    @Test
    void anAbsentOrInvalidIdIsReplacedByAFreshUuid() {
        String[] invalid = {"", "has space", "quote\"", "semi;colon", "slash/", "<script>", "x".repeat(101)};
        String previous = null;
        for (String id : invalid) {
            String answered = get("/health", id).header(HEADER);
            assertThat(UUID.fromString(answered)).as(id).isNotNull();
            assertThat(answered).isNotEqualTo(previous);
            previous = answered;
        }
        assertThat(UUID.fromString(api().get("/health", null).header(HEADER))).isNotNull();
    }

    @Test
    void errorAnswersCarryTheIdToo() {
        Api.Response unauthorized = get("/auth/me", "req-401");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header(HEADER)).isEqualTo("req-401");

        String token = api().token(newUser(Role.USER).getUsername(), PASSWORD);
        Api.Response notFound = api().send(api().request("/no/such/path", token)
                .header(HEADER, "req-404")
                .GET());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.detail()).isEqualTo("Not Found");
        assertThat(notFound.header(HEADER)).isEqualTo("req-404");

        Api.Response tooLarge = api().send(api().request("/auth/login", null)
                .header(HEADER, "req-413")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(300_000))));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header(HEADER)).isEqualTo("req-413");
    }

    @Test
    void logLinesWrittenDuringTheRequestCarryTheId(CapturedOutput output) {
        String id = "trace-" + UUID.randomUUID();
        String token = api().token(newUser(Role.USER).getUsername(), PASSWORD);

        Api.Response r = api().send(
                        api().request("/test/failure", token).header(HEADER, id).GET());

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.header(HEADER)).isEqualTo(id);
        assertThat(output.getOut().lines().filter(line -> line.contains("Unexpected error")))
                .anySatisfy(line -> assertThat(line).contains("[" + id + "]"));
    }

    private Api.Response get(String path, String requestId) {
        return api().send(api().request(path, null).header(HEADER, requestId).GET());
    }
}
