package org.llmtutor.userservice.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(
            String status,
            String service,
            @JsonProperty("legacy_unauthenticated_access") Boolean legacyUnauthenticatedAccess) {}

    private final Health health;

    HealthController(@Value("${app.access.legacy-unauthenticated-access:false}") boolean legacyAccess) {
        // The migration switch is reported while it is on, so that nobody forgets it.
        this.health = new Health("ok", "user-service", legacyAccess ? Boolean.TRUE : null);
    }

    @SecurityRequirements
    @GetMapping("/health")
    Health health() {
        return health;
    }
}
