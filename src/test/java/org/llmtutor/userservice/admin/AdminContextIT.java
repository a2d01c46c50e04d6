package org.llmtutor.userservice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.UserServiceApplication;
import org.llmtutor.userservice.admin.service.AdminService;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.core.task.TaskExecutor;
import tools.jackson.databind.json.JsonMapper;

class AdminContextIT extends AdminCliSupport {

    @Test
    void theCliContextLeavesOutTheServersAutoConfigurationsAndKeepsWhatCommandsUse() {
        var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var io = new AdminIo(new ByteArrayInputStream(new byte[0]), quiet, quiet, false);
        try (AdminContext context = new AdminContext(io, env(), UserServiceApplication.class, false)) {
            for (Class<?> serverOnly : new Class<?>[] {
                HealthEndpoint.class, PrometheusMeterRegistry.class, ObservationRegistry.class, TaskExecutor.class
            }) {
                assertThat(context.beanNamesForType(serverOnly))
                        .as(serverOnly.getName())
                        .isEmpty();
            }
            assertThat(context.beanNamesForType(MeterRegistry.class)).hasSize(1);
            assertThat(context.bean(MeterRegistry.class)).isInstanceOf(SimpleMeterRegistry.class);
            assertThat(context.bean(AdminService.class)).isNotNull();
            assertThat(context.bean(JsonMapper.class)).isNotNull();
            assertThat(context.bean(DataSource.class)).isNotNull();
        }
    }
}
