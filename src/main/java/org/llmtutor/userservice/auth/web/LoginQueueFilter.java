package org.llmtutor.userservice.auth.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.llmtutor.userservice.auth.login.LoginQueue;
import org.llmtutor.userservice.user.HashingOverloadedException;
import org.llmtutor.userservice.web.ClientAddresses;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Puts every password login through the {@link LoginQueue} before anything costly runs (the security chain, MVC, the
 * database): a flood is refused at the cost of a few filters. A refusal is not answered at once but held for the
 * refusal delay, on no thread (servlet async, completed by one scheduler thread), so that a client that retries the
 * moment it has an answer sends at most one login per delay and connection. Plain servlet API: the same on any
 * embedded server.
 */
class LoginQueueFilter extends OncePerRequestFilter {

    private static final RequestMatcher LOGIN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/login");
    private static final RequestMatcher TOKEN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/token");
    // Past the delay: the refusal is overdue, so something went wrong; the container ends the request.
    private static final long ASYNC_MARGIN_MILLIS = 30_000;

    private final LoginQueue queue;
    private final ClientAddresses clients;
    private final HandlerExceptionResolver resolver;
    private final long refusalDelayNanos;
    private final ScheduledThreadPoolExecutor refusals;

    LoginQueueFilter(
            LoginQueue queue, ClientAddresses clients, HandlerExceptionResolver resolver, Duration refusalDelay) {
        this.queue = queue;
        this.clients = clients;
        this.resolver = resolver;
        this.refusalDelayNanos = refusalDelay.toNanos();
        this.refusals = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "login-refusals");
            t.setDaemon(true);
            return t;
        });
    }

    /** Password logins only: a refresh at {@code /auth/token} checks no password. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (LOGIN.matches(request)) {
            return false;
        }
        return !(TOKEN.matches(request) && "password".equals(request.getParameter("grant_type")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long arrived = System.nanoTime();
        LoginQueue.Slot slot;
        try {
            slot = queue.enter(clients.of(request));
        } catch (HashingOverloadedException refused) {
            // A login that already waited in the queue has been held long enough.
            answerLater(request, response, refused, refusalDelayNanos - (System.nanoTime() - arrived));
            return;
        }
        try (slot) {
            chain.doFilter(request, response);
        }
    }

    private void answerLater(
            HttpServletRequest request, HttpServletResponse response, HashingOverloadedException refused, long nanos)
            throws IOException {
        if (nanos <= 0 || !request.isAsyncSupported()) {
            answer(request, response, refused);
            return;
        }
        AsyncContext held = request.startAsync();
        held.setTimeout(TimeUnit.NANOSECONDS.toMillis(nanos) + ASYNC_MARGIN_MILLIS);
        refusals.schedule(
                () -> {
                    try {
                        answer(request, response, refused);
                    } catch (IOException | RuntimeException clientGone) {
                        // The client closed the connection meanwhile: nobody to answer.
                    } finally {
                        held.complete();
                    }
                },
                nanos,
                TimeUnit.NANOSECONDS);
    }

    /** Through the one exception mapping: 503 with Retry-After and a problem document. */
    private void answer(HttpServletRequest request, HttpServletResponse response, HashingOverloadedException refused)
            throws IOException {
        if (resolver.resolveException(request, response, null, refused) == null) {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    @Override
    public void destroy() {
        // The server is stopping: it ends the connections of the refusals still held.
        refusals.shutdownNow();
    }
}
