package org.llmtutor.userservice.auth.legacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.llmtutor.userservice.auth.AccessProperties;
import org.llmtutor.userservice.runtime.LegacyAccessReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The migration switch ({@code LEGACY_UNAUTHENTICATED_ACCESS}) confined to where the legacy client lives: a request to
 * a Python-era data path that carries no credential at all is let through only when its peer address (the TCP
 * connection's, never a header) lies in {@code LEGACY_TRUSTED_NETWORKS}. The security chain asks
 * {@link #letsThrough}; everything else is decided as if the switch were off. Each request let through
 * is counted ({@code user_service_legacy_access_total}) and, at most once a minute, logged with its path, so that
 * operators see who still depends on the switch. {@code /health} shows the switch through {@link LegacyAccessReport}.
 */
@Component
public class LegacyAccess implements LegacyAccessReport {

    private static final Logger log = LoggerFactory.getLogger(LegacyAccess.class);
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    /** One Python-era data path, and the counter of requests let through on it. */
    private record Route(RequestMatcher matcher, Counter letThrough) {}

    private final boolean enabled;
    private final TrustedNetworks networks;
    private final List<Route> routes;
    private final RequestMatcher paths;
    private final Clock clock;
    private final AtomicReference<Instant> nextLog = new AtomicReference<>(Instant.MIN);
    private final AtomicLong unlogged = new AtomicLong();

    public LegacyAccess(AccessProperties properties, MeterRegistry registry, Clock clock) {
        this.enabled = properties.legacyUnauthenticatedAccess();
        this.networks = TrustedNetworks.parse(properties.legacyTrustedNetworks());
        this.clock = clock;
        this.routes = List.of(
                route(registry, HttpMethod.GET, "/settings/{userId}"),
                route(registry, HttpMethod.POST, "/settings/{userId}"),
                route(registry, HttpMethod.POST, "/sessions"),
                route(registry, HttpMethod.GET, "/sessions/user/{userId}"),
                route(registry, HttpMethod.DELETE, "/sessions/{sessionId}"),
                route(registry, HttpMethod.GET, "/profile/{userId}/xp"),
                route(registry, HttpMethod.POST, "/profile/{userId}/add_xp"));
        RequestMatcher catalog = PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/settings/catalog");
        RequestMatcher legacyPaths =
                new OrRequestMatcher(routes.stream().map(Route::matcher).toList());
        // The settings catalog would match GET /settings/{userId}; it is no Python-era path and always needs a
        // credential.
        this.paths = request -> legacyPaths.matches(request) && !catalog.matches(request);
        if (enabled) {
            log.warn(
                    "LEGACY_UNAUTHENTICATED_ACCESS is on: the Python-era data paths answer callers from {} without any"
                            + " credential, so any such caller can read and change any user's settings, sessions and"
                            + " XP. Turn it off once every client sends a credential (docs/clients.md).",
                    networks.asText());
        }
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public List<String> trustedNetworks() {
        return networks.asText();
    }

    /**
     * Whether the security chain lets this request through without a credential: the switch is on, the request carries
     * no {@code Authorization} header at all, it goes to a Python-era data path, and its peer is in a trusted network.
     * Everything else is decided as if the switch were off (a bad credential, or none from elsewhere, is 401). Each
     * request let through is counted and, at most once a minute, logged.
     */
    public boolean letsThrough(HttpServletRequest request) {
        if (!enabled
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !paths.matches(request)
                || !networks.contains(request.getRemoteAddr())) {
            return false;
        }
        letThrough(request);
        return true;
    }

    private void letThrough(HttpServletRequest request) {
        routes.stream()
                .filter(route -> route.matcher().matches(request))
                .findFirst()
                .ifPresent(route -> route.letThrough().increment());
        unlogged.incrementAndGet();
        Instant now = clock.instant();
        Instant due = nextLog.get();
        // One thread wins the minute's line; the others only count.
        if (now.isBefore(due) || !nextLog.compareAndSet(due, now.plus(LOG_INTERVAL))) {
            return;
        }
        log.warn(
                "Legacy access without a credential: {} {} from {} ({} such request(s) since the last of these lines,"
                        + " which are written at most once a minute)",
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteAddr(),
                unlogged.getAndSet(0));
    }

    private static Route route(MeterRegistry registry, HttpMethod method, String pattern) {
        Counter counter = Counter.builder("user_service.legacy.access")
                .description("Requests let through without a credential by LEGACY_UNAUTHENTICATED_ACCESS, by path")
                .tag("method", method.name())
                .tag("path", pattern)
                .register(registry);
        return new Route(PathPatternRequestMatcher.pathPattern(method, pattern), counter);
    }
}
