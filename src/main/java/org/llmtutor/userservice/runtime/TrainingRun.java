package org.llmtutor.userservice.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The training run of the JVM's class cache (scripts/serve.sh starts it with {@code app.training-run=true}): once the
 * service accepts traffic it sends itself a few requests that read nothing and change nothing (the health probes, a
 * token check that fails), then exits, and the JVM writes the cache. The cache so holds what the web
 * server's start and a request's path need, not only the context. Read at run time rather than as a condition, since
 * Spring AOT fixes conditions when the jar is built.
 */
@Component
class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    private static final String[][] REQUESTS = {
        {"/health", null},
        {"/actuator/health/readiness", null},
        {"/auth/me", "Bearer training.not-a.token"},
        {"/health", null}
    };

    private final Environment env;
    private final ApplicationAvailability availability;

    TrainingRun(Environment env, ApplicationAvailability availability) {
        this.env = env;
        this.availability = availability;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (env.getProperty("app.training-run", Boolean.class, false)
                && ready.getApplicationContext() instanceof WebServerApplicationContext web) {
            // Readiness turns to accepting traffic once the ready event's listeners are done.
            Thread thread = new Thread(() -> train(web), "training-run");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void train(WebServerApplicationContext web) {
        int code;
        try {
            awaitTraffic();
            code = ask(web.getWebServer().getPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = 1;
        }
        int exitCode = code;
        System.exit(SpringApplication.exit(web, () -> exitCode));
    }

    private void awaitTraffic() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Sends the requests; the exit code: 0 when each was answered (whatever its status), else 1. */
    private static int ask(int port) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failures = 0;
        for (String[] request : REQUESTS) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request[0]))
                    .timeout(Duration.ofSeconds(10));
            if (request[1] != null) {
                builder.header("Authorization", request[1]);
            }
            try {
                int status = client.send(builder.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                log.info("training run: GET {} answered {}", request[0], status);
            } catch (IOException e) {
                failures++;
                log.warn("training run: GET {} failed: {}", request[0], e.toString());
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
