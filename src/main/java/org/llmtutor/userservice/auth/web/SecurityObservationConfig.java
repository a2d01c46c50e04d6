package org.llmtutor.userservice.auth.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

@Configuration(proxyBeanMethods = false)
class SecurityObservationConfig {

    /**
     * Spring Security would wrap every filter and every authorization decision of every request in an observation,
     * which becomes meters (no dashboard reads them) and trace spans (no tracer is configured). Requests are measured
     * once, by {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
