package org.llmtutor.userservice.auth;

import jakarta.servlet.DispatcherType;
import org.llmtutor.userservice.common.ErrorResponse;
import org.llmtutor.userservice.common.ErrorWriter;
import org.llmtutor.userservice.user.UserRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String NOT_AUTHENTICATED = "Not authenticated";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtService jwt, UserRepository users, ErrorWriter errors)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/health", "/auth/login", "/error", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(entryPoint(errors)).accessDeniedHandler(accessDenied(errors)))
                .addFilterBefore(new JwtAuthenticationFilter(jwt, users), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(LoginProperties login) {
        return new BCryptPasswordEncoder(login.bcryptStrength());
    }

    private static AuthenticationEntryPoint entryPoint(ErrorWriter errors) {
        return (request, response, exception) -> {
            Object reason = request.getAttribute(JwtAuthenticationFilter.FAILURE_REASON);
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
