package org.llmtutor.userservice.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.llmtutor.userservice.auth.AccessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The migration switch ({@code LEGACY_UNAUTHENTICATED_ACCESS}) as the security chain sees it: which requests may reach
 * the Python-era data paths without any credential, as the Web UI backend deployed today calls them. Only a request that
 * carries no Authorization header at all matches; a bad credential is still a 401. Off by default, so nothing matches.
 */
@Component
class LegacyCallers implements RequestMatcher {

    private static final Logger log = LoggerFactory.getLogger(LegacyCallers.class);

    /** The Python service's data paths. */
    private static final RequestMatcher LEGACY_DATA_PATHS = new OrRequestMatcher(List.of(
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/settings/{userId}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/settings/{userId}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/sessions"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/sessions/user/{userId}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.DELETE, "/sessions/{sessionId}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/profile/{userId}/xp"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/profile/{userId}/add_xp")));

    /** Matches {@code GET /settings/{userId}} too, but is not a Python-era path. */
    private static final RequestMatcher SETTINGS_CATALOG =
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/settings/catalog");

    private final boolean enabled;

    LegacyCallers(AccessProperties access) {
        this.enabled = access.legacyUnauthenticatedAccess();
        if (enabled) {
            log.warn("LEGACY_UNAUTHENTICATED_ACCESS is on: the Python-era data paths answer callers without any"
                    + " credential, so any caller can read and change any user's settings, sessions and XP. Turn it"
                    + " off once every client sends a credential.");
        }
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return enabled
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && LEGACY_DATA_PATHS.matches(request)
                && !SETTINGS_CATALOG.matches(request);
    }
}
