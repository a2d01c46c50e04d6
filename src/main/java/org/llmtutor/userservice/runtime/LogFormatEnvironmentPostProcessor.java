package org.llmtutor.userservice.runtime;

import java.util.Locale;
import java.util.Map;
import org.llmtutor.userservice.shared.RefusedSettingException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} switches the console to Spring Boot's structured logging in the Elastic Common Schema (one
 * JSON object a line, MDC entries such as {@code request_id} as fields); {@code plain}, the default, keeps the usual
 * text lines. Runs before the logging system starts. An explicit {@code logging.structured.format.console} still wins.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String STRUCTURED_FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String format = env.getProperty("LOG_FORMAT", "plain").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "plain", "" -> {}
            case "json" ->
                env.getPropertySources()
                        .addLast(new MapPropertySource("userServiceLogFormat", Map.of(STRUCTURED_FORMAT, "ecs")));
            default -> throw new RefusedSettingException("LOG_FORMAT must be 'plain' or 'json', got '" + format + "'");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
