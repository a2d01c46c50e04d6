package org.llmtutor.userservice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatEnvironmentPostProcessorTest {

    private final LogFormatEnvironmentPostProcessor processor = new LogFormatEnvironmentPostProcessor();

    @Test
    void plainTextByDefault() {
        MockEnvironment env = new MockEnvironment();

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty(LogFormatEnvironmentPostProcessor.STRUCTURED_FORMAT))
                .isNull();
    }

    @Test
    void jsonSelectsElasticCommonSchema() {
        MockEnvironment env = new MockEnvironment().withProperty("LOG_FORMAT", "JSON");

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty(LogFormatEnvironmentPostProcessor.STRUCTURED_FORMAT))
                .isEqualTo("ecs");
    }

    @Test
    void anExplicitStructuredFormatWins() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("LOG_FORMAT", "json")
                .withProperty(LogFormatEnvironmentPostProcessor.STRUCTURED_FORMAT, "logstash");

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty(LogFormatEnvironmentPostProcessor.STRUCTURED_FORMAT))
                .isEqualTo("logstash");
    }

    @Test
    void anUnknownFormatRefusesToStart() {
        MockEnvironment env = new MockEnvironment().withProperty("LOG_FORMAT", "xml");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, new SpringApplication()))
                .hasMessageContaining("LOG_FORMAT must be 'plain' or 'json'");
    }
}
