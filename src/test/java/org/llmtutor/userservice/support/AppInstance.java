package org.llmtutor.userservice.support;

import java.util.ArrayList;
import java.util.List;
import org.llmtutor.userservice.UserServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A further, separately configured instance of the whole application on a random port: for tests about start-up,
 * other databases, or several instances sharing one database.
 */
public final class AppInstance implements AutoCloseable {

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
                .run(args.toArray(String[]::new)));
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
        context.close();
    }
}
