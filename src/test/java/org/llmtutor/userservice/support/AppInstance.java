package org.llmtutor.userservice.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.llmtutor.userservice.UserServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * A further, separately configured instance of the whole application on a random port: for tests about start-up,
 * other databases, or several instances sharing one database.
 */
public final class AppInstance implements AutoCloseable {

    /**
     * Held while an instance sets up or tears down logging. Instances of one JVM share Logback's context, which Boot
     * resets and reconfigures for each; two doing so at once can leave one without the Spring environment its log
     * pattern needs ("Unable to find Spring Environment in logger context"), a race of the tests' own making: each
     * deployed instance has a JVM of its own.
     */
    private static final ReentrantLock LOGGING_SETUP = new ReentrantLock();

    private final ConfigurableApplicationContext context;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts with the test profile plus the given {@code key=value} properties. */
    public static AppInstance start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        // As command-line arguments, so that they override the configuration files like an operator's would.
        for (String property : properties) {
            args.add("--" + property);
        }
        return new AppInstance(new SpringApplicationBuilder(UserServiceApplication.class)
                .profiles("test")
                .listeners(new LoggingSetupOneAtATime(true), new LoggingSetupOneAtATime(false))
                .run(args.toArray(String[]::new)));
    }

    /** Takes {@link #LOGGING_SETUP} before Boot's logging listener initialises logging, and gives it back after. */
    private record LoggingSetupOneAtATime(boolean before) implements GenericApplicationListener {

        @Override
        public boolean supportsEventType(ResolvableType eventType) {
            return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass())
                    || (!before && ApplicationFailedEvent.class.isAssignableFrom(eventType.toClass()));
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (before) {
                LOGGING_SETUP.lock();
            } else if (LOGGING_SETUP.isHeldByCurrentThread()) {
                LOGGING_SETUP.unlock();
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + (before ? -1 : 1);
        }
    }

    /** Properties that point an instance at one of the test run's PostgreSQL databases. */
    public static String[] onDatabase(String jdbcUrl, String... more) {
        List<String> all = new ArrayList<>(List.of(
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=" + TestDatabase.username(),
                "spring.datasource.password=" + TestDatabase.password()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    public Api api() {
        return new Api(port());
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        LOGGING_SETUP.lock();
        try {
            context.close();
        } finally {
            LOGGING_SETUP.unlock();
        }
    }
}
