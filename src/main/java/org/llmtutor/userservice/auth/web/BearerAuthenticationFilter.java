package org.llmtutor.userservice.auth.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.auth.token.AccessToken;
import org.llmtutor.userservice.auth.token.InvalidTokenException;
import org.llmtutor.userservice.auth.token.JwtService;
import org.llmtutor.userservice.auth.token.TokenRevocationService;
import org.llmtutor.userservice.user.UserRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <credential>}: a user's access token (JWT) or a service credential
 * ({@code svc_...}). A bad credential never fails the request here: the request goes on unauthenticated with the reason
 * noted, so open paths still work and protected ones get a 401 from the entry point. Deliberately not a bean, so it
 * runs only inside the security chain and not a second time as a servlet filter.
 */
class BearerAuthenticationFilter extends OncePerRequestFilter {

    static final String FAILURE_REASON = BearerAuthenticationFilter.class.getName() + ".reason";
    private static final String BEARER = "bearer ";
    private static final String INVALID = "Could not validate credentials";

    private final JwtService jwt;
    private final UserRepository users;
    private final ServiceCredentialService services;
    private final TokenRevocationService revocations;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerAuthenticationFilter(
            JwtService jwt,
            UserRepository users,
            ServiceCredentialService services,
            TokenRevocationService revocations) {
        this.jwt = jwt;
        this.users = users;
        this.services = services;
        this.revocations = revocations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                authenticate(header.substring(BEARER.length()).trim(), request);
            } else {
                request.setAttribute(FAILURE_REASON, INVALID);
            }
        }
        chain.doFilter(request, response);
    }

    private void authenticate(String token, HttpServletRequest request) {
        if (token.startsWith(ServiceCredentialService.TOKEN_PREFIX)) {
            services.authenticate(token)
                    .ifPresentOrElse(
                            client -> setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                    client, null, List.of(new SimpleGrantedAuthority("ROLE_SERVICE")))),
                            () -> request.setAttribute(FAILURE_REASON, INVALID));
            return;
        }
        AccessToken access;
        try {
            access = jwt.parseAccessToken(token);
        } catch (InvalidTokenException e) {
            request.setAttribute(FAILURE_REASON, e.getMessage());
            return;
        }
        // The user must still exist, be active and carry the same name, and the token must not have been logged out;
        // the role comes from the database so that a role change applies at once.
        users.findById(access.userId())
                .filter(u -> u.isActive() && u.getUsername().equals(access.username()))
                .filter(u -> !revocations.isRevoked(access, u))
                .ifPresentOrElse(
                        user -> setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                new CurrentUser(user.getId(), user.getUsername(), user.getRole()),
                                access,
                                List.of(new SimpleGrantedAuthority(
                                        "ROLE_" + user.getRole().name())))),
                        () -> request.setAttribute(FAILURE_REASON, INVALID));
    }

    private void setAuthentication(Authentication authentication) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
    }
}
