package org.llmtutor.userservice.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import org.llmtutor.userservice.auth.token.jwt.JjwtDecoder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads the bearer credential of a request as the Python service did: {@code Authorization: Bearer <token>} with the
 * scheme in any case (clients send the {@code token_type} "bearer" they were given). Paths that need no credential
 * never look at one, so a stale token locks nobody out of {@code /health} or the login and costs nothing there. An
 * Authorization header of another scheme is a credential that cannot be validated, not a missing one.
 */
final class BearerCredentialResolver implements BearerTokenResolver {

    private static final String BEARER = "bearer ";

    private final RequestMatcher credentialFreePaths;

    BearerCredentialResolver(RequestMatcher credentialFreePaths) {
        this.credentialFreePaths = credentialFreePaths;
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || credentialFreePaths.matches(request)) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidBearerTokenException(JjwtDecoder.INVALID);
        }
        String token = header.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw new InvalidBearerTokenException(JjwtDecoder.INVALID);
        }
        return token;
    }
}
