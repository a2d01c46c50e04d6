package org.llmtutor.userservice.web.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Errors raised by filters (the security chain's database lookups, Tomcat's parameter parsing) go through the same
 * advice as those raised by controllers, instead of reaching Tomcat, which would log a stack trace per request and
 * answer through its error page. And an error status set without a body (Spring Boot's actuator answers an unknown
 * health group with a bare 404) gets the problem document every other error has; an OPTIONS answer gets its allowed
 * methods as JSON.
 */
class ErrorRenderingFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver resolver;
    private final ProblemRenderer problems;

    ErrorRenderingFilter(HandlerExceptionResolver resolver, ProblemRenderer problems) {
        this.resolver = resolver;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyTrackingResponse tracked = new BodyTrackingResponse(response);
        try {
            chain.doFilter(request, tracked);
        } catch (ServletException | IOException | RuntimeException e) {
            Throwable cause = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ClientAbortException
                    || !(cause instanceof Exception exception)
                    || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            if (resolver.resolveException(request, response, null, exception) == null) {
                throw e;
            }
            return;
        }
        // An asynchronous answer (a held refusal) is written later, by whoever completes it.
        if (tracked.bodyStarted || response.isCommitted() || request.isAsyncStarted()) {
            return;
        }
        if (response.getStatus() >= 400) {
            problems.write(request, response, problems.problem(HttpStatusCode.valueOf(response.getStatus())));
        } else if (HttpMethod.OPTIONS.matches(request.getMethod()) && response.getHeader(HttpHeaders.ALLOW) != null) {
            // Spring answers OPTIONS with the Allow header alone; clients that parse every answer get it as JSON too.
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(problems.json(Map.of("allow", allowed(response))));
        }
    }

    private static List<String> allowed(HttpServletResponse response) {
        return response.getHeaders(HttpHeaders.ALLOW).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(method -> !method.isEmpty())
                .toList();
    }

    /** Notes whether anything asked for the body stream, without copying what is written. */
    private static final class BodyTrackingResponse extends HttpServletResponseWrapper {

        private boolean bodyStarted;

        BodyTrackingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int sc) throws IOException {
            bodyStarted = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            bodyStarted = true;
            super.sendError(sc, msg);
        }
    }
}
