package org.llmtutor.userservice.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.llmtutor.userservice.web.problem.ProblemRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The 403 of the security chain: an authenticated caller without the role or scope a path needs. */
final class JsonAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemRenderer problems;

    JsonAccessDeniedHandler(ProblemRenderer problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        problems.write(request, response, problems.problem(HttpStatus.FORBIDDEN, "Not enough permissions"));
    }
}
