package org.llmtutor.userservice.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.List;
import org.llmtutor.userservice.common.LegacyAccessStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(
            String status, String service, Boolean legacyUnauthenticatedAccess, List<String> legacyTrustedNetworks) {}

    private final Health health;

    HealthController(LegacyAccessStatus legacy) {
        // The migration switch and where it applies are reported while it is on, so that nobody forgets it.
        this.health = legacy.enabled()
                ? new Health("ok", "user-service", Boolean.TRUE, legacy.trustedNetworks())
                : new Health("ok", "user-service", null, null);
    }

    @SecurityRequirements
    @GetMapping("/health")
    Health health() {
        return health;
    }
}
