package org.llmtutor.userservice.auth.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmtutor.userservice.auth.AccessProperties;
import org.llmtutor.userservice.support.MutableClock;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

/** What the security chain asks the legacy component, request by request, without a server. */
@ExtendWith(OutputCaptureExtension.class)
class LegacyAccessTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock();
    private final LegacyAccess legacy =
            new LegacyAccess(new AccessProperties(true, List.of("172.28.1.0/24")), registry, clock);

    private boolean granted(String method, String path, String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(peer);
        return legacy.letsThrough(request);
    }

    private double letThrough(String method, String path) {
        return registry.get("user_service.legacy.access")
                .tag("method", method)
                .tag("path", path)
                .counter()
                .count();
    }

    @Test
    void eachRequestLetThroughIsCountedByPathButAtMostOneLineAMinuteIsLogged(CapturedOutput output) {
        String settings = "/settings/6f1c2f0e-3b1a-4c55-9b0e-1d2a3b4c5d6e";
        for (int i = 0; i < 3; i++) {
            assertThat(granted("GET", settings, "172.28.1.5")).isTrue();
        }
        assertThat(granted("POST", "/sessions", "172.28.1.5")).isTrue();

        assertThat(letThrough("GET", "/settings/{userId}")).isEqualTo(3);
        assertThat(letThrough("POST", "/sessions")).isEqualTo(1);
        assertThat(output.getOut().lines().filter(l -> l.contains("Legacy access without a credential")))
                .singleElement()
                .asString()
                .contains("GET " + settings + " from 172.28.1.5");

        clock.advance(Duration.ofSeconds(61));
        assertThat(granted("DELETE", "/sessions/alice_0a1b2c3d", "172.28.1.5")).isTrue();
        assertThat(output.getOut().lines().filter(l -> l.contains("Legacy access without a credential")))
                .hasSize(2)
                .last()
                .asString()
                .contains("DELETE /sessions/alice_0a1b2c3d from 172.28.1.5 (4 such request(s)");
    }

    @Test
    void requestsFromElsewhereAreNeitherLetThroughNorCounted() {
        assertThat(granted("GET", "/profile/6f1c2f0e-3b1a-4c55-9b0e-1d2a3b4c5d6e/xp", "172.28.0.1"))
                .isFalse();
        assertThat(granted("GET", "/settings/catalog", "172.28.1.5")).isFalse();
        assertThat(granted("GET", "/auth/me", "172.28.1.5")).isFalse();
        MockHttpServletRequest withCredential = new MockHttpServletRequest("GET", "/profile/x/xp");
        withCredential.setRemoteAddr("172.28.1.5");
        withCredential.addHeader("Authorization", "Bearer anything");
        assertThat(legacy.letsThrough(withCredential))
                .as("a credential is decided by itself")
                .isFalse();
        assertThat(letThrough("GET", "/profile/{userId}/xp")).isZero();
    }
}
