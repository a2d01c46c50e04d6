package org.llmtutor.userservice.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.llmtutor.userservice.auth.token.JjwtDecoder;
import org.llmtutor.userservice.web.problem.ProblemRenderer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The 401 of the bearer chain, as the Python service answered it: {@code WWW-Authenticate: Bearer} and a problem
 * (made by the one {@link ProblemRenderer}) whose {@code detail} is "Not authenticated" without a credential, "Token
 * has expired", or "Could not validate credentials" for any other refused credential (no more detail, so that a
 * guesser learns nothing).
 */
final class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String NOT_AUTHENTICATED = "Not authenticated";

    private final ProblemRenderer problems;

    JsonAuthenticationEntryPoint(ProblemRenderer problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problems.write(request, response, problems.problem(HttpStatus.UNAUTHORIZED, detail(exception)));
    }

    private static String detail(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException refused) {
            return JjwtDecoder.EXPIRED.equals(refused.getError().getDescription())
                    ? JjwtDecoder.EXPIRED
                    : JjwtDecoder.INVALID;
        }
        return NOT_AUTHENTICATED;
    }
}
