package org.llmtutor.userservice.web;

import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 before anything parses them
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the service whose {@code X-Forwarded-For}
 *     is believed; empty (the default) means the header is ignored and the peer address is the client
 */
@ConfigurationProperties("app.web")
public record WebProperties(@Positive long maxBodyBytes, List<String> trustedProxies) {

    public WebProperties {
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
