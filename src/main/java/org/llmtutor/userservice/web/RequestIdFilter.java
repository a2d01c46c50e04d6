package org.llmtutor.userservice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tags every log line of a request with {@code request_id} (MDC) and answers it in {@code X-Request-Id}: the caller's
 * id when it is a sane token, so that a request can be followed across services, otherwise a fresh UUID. The first
 * filter of the chain, so that even requests refused early (401, 413) carry it; it also runs for the error dispatch,
 * whose log lines belong to the same request.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    // Bounded and free of spaces, quotes and control characters, so a caller cannot forge log lines or bloat them.
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /** The caller's id when it is a sane token, otherwise a fresh one. */
    public static String idFor(String given) {
        return given != null && VALID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }

    /** The id given to this request, or null before this filter ran (Tomcat refused the request itself). */
    public static String currentId(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = currentId(request);
        if (id == null) {
            id = idFor(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            // Tomcat reuses its threads: the next request on this one must not inherit the id.
            MDC.remove(MDC_KEY);
        }
    }
}
