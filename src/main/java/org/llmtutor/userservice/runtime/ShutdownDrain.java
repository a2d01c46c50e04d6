package org.llmtutor.userservice.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a stop: readiness reports refusing (Boot publishes it when the context starts closing; this makes
 * sure of it) and the instance goes on serving for {@link ShutdownProperties#drain()}, answering with
 * {@code Connection: close} ({@link DrainingConnectionFilter}) so that clients and proxies open no new work on kept-alive
 * connections. Only then does Boot's graceful shutdown of the web server (a later phase) stop accepting and wait for
 * the requests in flight, and after it the pool closes. Without the wait a balancer that checks every second still
 * routes to an instance that no longer accepts, and its reused connections fail (502).
 */
@Component
@ConditionalOnWebApplication
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ShutdownProperties properties;
    private final ApplicationEventPublisher events;
    private volatile boolean running;

    ShutdownDrain(ShutdownProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.events = events;
    }

    /** Stopped before every other phase, above all before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        if (properties.drain().isZero()) {
            return;
        }
        log.info(
                "Stopping: readiness refuses traffic; serving for {} more before the web server stops",
                properties.drain());
        try {
            Thread.sleep(properties.drain().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
