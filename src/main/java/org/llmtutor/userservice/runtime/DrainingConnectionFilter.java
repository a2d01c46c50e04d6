package org.llmtutor.userservice.runtime;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While readiness refuses traffic (above all while a stopping instance drains, {@link ShutdownDrain}), every answer
 * carries {@code Connection: close}: the server closes the connection after it and the client or proxy opens its next
 * one elsewhere, instead of reusing a connection the instance is about to close. A plain servlet filter, so that it
 * holds whichever embedded server runs; the header is set before the chain so that it is there however the answer is
 * written.
 */
class DrainingConnectionFilter extends OncePerRequestFilter {

    private final ApplicationAvailability availability;

    DrainingConnectionFilter(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC) {
            response.setHeader("Connection", "close");
        }
        chain.doFilter(request, response);
    }
}
