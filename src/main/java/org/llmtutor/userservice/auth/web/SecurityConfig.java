package org.llmtutor.userservice.auth.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.llmtutor.userservice.auth.AccessProperties;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceClient;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.auth.login.LoginProperties;
import org.llmtutor.userservice.auth.token.JwtService;
import org.llmtutor.userservice.auth.token.TokenRevocationService;
import org.llmtutor.userservice.common.ErrorResponse;
import org.llmtutor.userservice.common.ErrorWriter;
import org.llmtutor.userservice.common.OpenApiConfig;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String NOT_AUTHENTICATED = "Not authenticated";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /** The Python service's data paths, which the Web UI backend deployed today calls without any credential. */
    private static final RequestMatcher LEGACY_DATA_PATHS = new OrRequestMatcher(List.of(
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/settings/{userId}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/settings/{userId}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/sessions"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/sessions/user/{userId}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.DELETE, "/sessions/{sessionId}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/profile/{userId}/xp"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/profile/{userId}/add_xp")));

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            JwtService jwt,
            UserRepository users,
            ServiceCredentialService services,
            TokenRevocationService revocations,
            AccessProperties access,
            ErrorWriter errors)
            throws Exception {
        if (access.legacyUnauthenticatedAccess()) {
            log.warn("LEGACY_UNAUTHENTICATED_ACCESS is on: the Python-era data paths answer callers without any"
                    + " credential, so any caller can read and change any user's settings, sessions and XP. Turn it"
                    + " off once every client sends a credential.");
            // Only a request that carries no credential at all gets through unauthenticated; a bad one is still 401.
            // The settings catalog would match GET /settings/{userId}; it is not a Python-era path.
            http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/settings/catalog")
                    .authenticated()
                    .requestMatchers(LEGACY_DATA_PATHS)
                    .access((authentication, context) ->
                            new AuthorizationDecision(context.getRequest().getHeader(HttpHeaders.AUTHORIZATION) == null
                                    || isAuthenticated(authentication.get()))));
        }
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/health", "/auth/login", "/auth/token", "/error", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(OpenApiConfig.DOC_PATHS)
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access((authentication, context) ->
                                new AuthorizationDecision(mayReadMetrics(authentication.get())))
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(entryPoint(errors)).accessDeniedHandler(accessDenied(errors)))
                .addFilterBefore(
                        new BearerAuthenticationFilter(jwt, users, services, revocations),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(LoginProperties login) {
        return new BCryptPasswordEncoder(login.bcryptStrength());
    }

    private static boolean isAuthenticated(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Metrics are for admins and for the monitoring system's service credential with {@code metrics:read}. */
    private static boolean mayReadMetrics(Authentication authentication) {
        if (!isAuthenticated(authentication)) {
            return false;
        }
        Object principal = authentication.getPrincipal();
        return principal instanceof CurrentUser user && user.role() == Role.ADMIN
                || principal instanceof ServiceClient service
                        && service.scopes().contains(Scope.METRICS_READ);
    }

    private static AuthenticationEntryPoint entryPoint(ErrorWriter errors) {
        return (request, response, exception) -> {
            Object reason = request.getAttribute(BearerAuthenticationFilter.FAILURE_REASON);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            errors.write(
                    response,
                    HttpStatus.UNAUTHORIZED.value(),
                    new ErrorResponse(reason != null ? reason.toString() : NOT_AUTHENTICATED));
        };
    }

    private static AccessDeniedHandler accessDenied(ErrorWriter errors) {
        return (request, response, exception) ->
                errors.write(response, HttpStatus.FORBIDDEN.value(), new ErrorResponse("Not enough permissions"));
    }
}
