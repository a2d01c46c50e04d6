package org.llmtutor.userservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.shared.Timestamps;
import org.llmtutor.userservice.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jackson.JacksonComponent;
import org.springframework.boot.jackson.JacksonComponentModule;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.json.JsonMapper;

class JsonConfigTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper jsonMapper;

    record Sample(String accessToken, Instant createdAt) {}

    @Test
    void theMapperWritesSnakeCaseAndTimestampsWithoutBootsJacksonComponentSearch() {
        assertThat(context.getBeanNamesForType(JacksonComponentModule.class)).isEmpty();

        assertThat(jsonMapper.writeValueAsString(new Sample("t", Instant.parse("2026-11-30T12:00:00Z"))))
                .isEqualTo("{\"access_token\":\"t\",\"created_at\":\""
                        + Timestamps.JSON.format(Instant.parse("2026-11-30T12:00:00Z")) + "\"}");
    }

    /** With the search off, a {@code @JacksonComponent} would be ignored without a word: there must be none. */
    @Test
    void theServiceDeclaresNoJacksonComponentSinceNothingWouldRegisterIt() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(JacksonComponent.class));

        assertThat(scanner.findCandidateComponents("org.llmtutor.userservice")).isEmpty();
    }
}
