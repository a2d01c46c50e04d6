package org.llmtutor.userservice.common;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

    record Health(String status, String service) {}

    @GetMapping("/health")
    Health health() {
        return new Health("ok", "user-service");
    }
}
