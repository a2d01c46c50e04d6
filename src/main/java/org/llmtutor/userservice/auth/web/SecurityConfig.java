package org.llmtutor.userservice.auth.web;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceClient;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.auth.legacy.LegacyAccess;
import org.llmtutor.userservice.auth.login.LoginProperties;
import org.llmtutor.userservice.auth.token.TokenStateCheck;
import org.llmtutor.userservice.web.OpenApiConfig;
import org.llmtutor.userservice.web.problem.ProblemRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One stateless resource-server chain. A bearer credential is either a user's access token (a JWT: decoded by the
 * {@link JwtDecoder} bean, its user and state checked by {@link TokenStateCheck}, the role as {@code ROLE_*}) or a
 * service credential ({@code svc_...}, its scopes as {@code SCOPE_*}). Per-user data is guarded further down by
 * {@code AccessGuard}, which answers 404 rather than 403 so that nobody learns what exists.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Paths that never look at a credential. */
    private static final RequestMatcher CREDENTIAL_FREE =
            new OrRequestMatcher(path("/health"), path("/auth/login"), path("/auth/token"), path("/error"), docs());

    private static final String METRICS_READ = ServiceClient.SCOPE_AUTHORITY_PREFIX + Scope.METRICS_READ.wireName();

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            JwtDecoder jwtDecoder,
            TokenStateCheck tokenStates,
            ServiceCredentialService serviceCredentials,
            LegacyAccess legacy,
            ProblemRenderer problems) {
        var entryPoint = new JsonAuthenticationEntryPoint(problems);
        var accessDenied = new JsonAccessDeniedHandler(problems);
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(CREDENTIAL_FREE)
                        .permitAll()
                        // Anonymous probes see the status only; admins also see the components.
                        .requestMatchers("/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyAuthority("ROLE_ADMIN", METRICS_READ)
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        // The legacy switch: credential-less callers of the Python-era paths from trusted networks.
                        .requestMatchers(legacy::letsThrough)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerCredentialResolver(CREDENTIAL_FREE))
                        .jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(new AccessTokenAuthenticationConverter(tokenStates)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .authenticationProvider(new ServiceCredentialAuthenticationProvider(serviceCredentials))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(LoginProperties login) {
        return new BCryptPasswordEncoder(login.bcryptStrength());
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.pathPattern(pattern);
    }

    private static RequestMatcher docs() {
        return new OrRequestMatcher(
                Arrays.stream(OpenApiConfig.DOC_PATHS).map(SecurityConfig::path).toList());
    }
}
