package org.llmtutor.userservice.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.llmtutor.userservice.user.UserRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <jwt>}. A bad token never fails the request here: the request goes on
 * unauthenticated with the reason noted, so open paths still work and protected ones get a 401 from the entry point.
 * Deliberately not a bean, so it runs only inside the security chain and not a second time as a servlet filter.
 */
class JwtAuthenticationFilter extends OncePerRequestFilter {

    static final String FAILURE_REASON = JwtAuthenticationFilter.class.getName() + ".reason";
    private static final String BEARER = "bearer ";

    private final JwtService jwt;
    private final UserRepository users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    JwtAuthenticationFilter(JwtService jwt, UserRepository users) {
        this.jwt = jwt;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            authenticate(header.substring(BEARER.length()).trim(), request);
        }
        chain.doFilter(request, response);
    }

    private void authenticate(String token, HttpServletRequest request) {
        AccessToken access;
        try {
            access = jwt.parseAccessToken(token);
        } catch (InvalidTokenException e) {
            request.setAttribute(FAILURE_REASON, e.getMessage());
            return;
        }
        // The user must still exist, be active and carry the same name; the role comes from the database so that a
        // role change applies at once.
        users.findById(access.userId())
                .filter(u -> u.isActive() && u.getUsername().equals(access.username()))
                .ifPresentOrElse(
                        user -> {
                            var principal = new CurrentUser(user.getId(), user.getUsername(), user.getRole());
                            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                                    principal,
                                    access,
                                    List.of(new SimpleGrantedAuthority(
                                            "ROLE_" + user.getRole().name())));
                            SecurityContext context = contexts.createEmptyContext();
                            context.setAuthentication(authentication);
                            contexts.setContext(context);
                        },
                        () -> request.setAttribute(FAILURE_REASON, "Could not validate credentials"));
    }
}
