package org.llmtutor.userservice.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.llmtutor.userservice.common.ErrorResponse;
import org.llmtutor.userservice.common.ErrorWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The 403 of the security chain: an authenticated caller without the role or scope a path needs. */
final class JsonAccessDeniedHandler implements AccessDeniedHandler {

    private final ErrorWriter errors;

    JsonAccessDeniedHandler(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        errors.write(response, HttpStatus.FORBIDDEN.value(), new ErrorResponse("Not enough permissions"));
    }
}
