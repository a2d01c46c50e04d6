package org.llmtutor.userservice.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param legacyUnauthenticatedAccess the migration switch: lets the Python-era data paths answer callers that send no
 *     credential at all, as the Python service did, while the Web UI backend is moved to a service credential. Off
 *     by default; logged as a warning and reported on {@code /health} when on.
 */
@ConfigurationProperties("app.access")
public record AccessProperties(boolean legacyUnauthenticatedAccess) {}
