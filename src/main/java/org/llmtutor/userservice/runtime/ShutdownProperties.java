package org.llmtutor.userservice.runtime;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a stopping instance lets go of its traffic (see {@link ShutdownDrain}).
 *
 * @param drain how long the instance keeps serving after SIGTERM while its readiness already reports refusing, so that
 *     a load balancer or Kubernetes notices and sends nothing new before the web server stops accepting; 0 for a lone
 *     instance with nothing in front
 */
@ConfigurationProperties("app.shutdown")
public record ShutdownProperties(
        @NotNull(message = "SHUTDOWN_DRAIN must be zero or positive")
        @DurationMin(nanos = 0, message = "SHUTDOWN_DRAIN must be zero or positive")
        @DurationMax(minutes = 5, message = "SHUTDOWN_DRAIN must be at most 5m")
        Duration drain) {}
