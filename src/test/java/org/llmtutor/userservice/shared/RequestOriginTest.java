package org.llmtutor.userservice.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestOriginTest {

    @Test
    void userAgentIsCutToWhatTheTablesKeepOnce() {
        String longAgent = "a".repeat(RequestOrigin.MAX_USER_AGENT) + "beyond";

        assertThat(new RequestOrigin("203.0.113.9", longAgent).userAgent())
                .isEqualTo("a".repeat(RequestOrigin.MAX_USER_AGENT));
        assertThat(new RequestOrigin("203.0.113.9", "curl/8").userAgent()).isEqualTo("curl/8");
        assertThat(RequestOrigin.NONE.userAgent()).isNull();
    }
}
