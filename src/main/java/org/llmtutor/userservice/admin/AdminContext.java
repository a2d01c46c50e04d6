package org.llmtutor.userservice.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.aot.AotDetector;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;

/**
 * What a command works with: the streams, and the application's beans. The application starts on the first bean
 * asked for, so arguments and input files are checked before any database is touched.
 */
final class AdminContext implements AutoCloseable {

    private final AdminIo io;
    private final Map<String, String> env;
    private final Class<?> application;
    private final boolean generatedCode;
    private ConfigurableApplicationContext spring;

    /** @param generatedCode whether to start from the build's generated code if there is some (the JVM is ours) */
    AdminContext(AdminIo io, Map<String, String> env, Class<?> application, boolean generatedCode) {
        this.io = io;
        this.env = env;
        this.application = application;
        this.generatedCode = generatedCode;
    }

    AdminIo io() {
        return io;
    }

    PrintStream out() {
        return io.out();
    }

    <T> T bean(Class<T> type) {
        return started().getBean(type);
    }

    /** The names of the beans of the given type that the application defines (none is created for the answer). */
    String[] beanNamesForType(Class<?> type) {
        return started().getBeanNamesForType(type, true, false);
    }

    private ConfigurableApplicationContext started() {
        if (spring == null) {
            spring = start(application, env, generatedCode);
        }
        return spring;
    }

    /** The first line of standard input, without its line break ({@code --password-stdin}). */
    String readLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (spring != null) {
            spring.close();
        }
    }

    /**
     * The application with the service's own configuration and database, but no web server. Lazy, so that a command
     * builds only what it uses (no signing key, no security chain); Boot's Flyway migration is asked for explicitly so
     * that every command runs on a migrated schema. Of the auto-configurations only those {@link
     * AdminAutoConfigurations} lists: the application's own {@code @EnableAutoConfiguration} is switched off. Logging
     * goes to stderr, errors only unless LOGGING_LEVEL_ROOT says otherwise, keeping stdout for the command's own output.
     * A command run as its own process from a packaged build starts it from the bean definitions {@link
     * AdminContextAot} generated for it at build time.
     */
    private static ConfigurableApplicationContext start(
            Class<?> application, Map<String, String> env, boolean generatedCode) {
        String generated = AdminContextAot.initializerOf(application);
        // Only where the JVM runs this command alone: AOT mode is the whole JVM's, and the tests run from
        // target/classes, which holds the generated code after packaging, in a JVM running other contexts too.
        boolean fromGeneratedCode = generatedCode && ClassUtils.isPresent(generated, application.getClassLoader());
        SpringApplicationBuilder builder = application(application, env, fromGeneratedCode);
        if (fromGeneratedCode) {
            builder.initializers(AotApplicationContextInitializer.forInitializerClasses(generated));
        }
        ConfigurableApplicationContext context = builder.run();
        context.getBeanProvider(FlywayMigrationInitializer.class).ifAvailable(migrated -> {});
        return context;
    }

    /**
     * The CLI's application, described once for both of its uses: started by a command, and processed at build time
     * by {@link AdminContextAot} into the code a packaged build starts from instead of scanning and evaluating
     * conditions.
     *
     * @param fromGeneratedCode whether the bean definitions come from the code generated for this context. The jar's
     *     other generated code describes the server's context (web beans included), never this one, so Spring's AOT
     *     mode is set here either way, whatever {@code -Dspring.aot.enabled} the JVM was given: the local setting wins
     *     over the system property.
     */
    static SpringApplicationBuilder application(
            Class<?> application, Map<String, String> env, boolean fromGeneratedCode) {
        SpringProperties.setProperty(AotDetector.AOT_ENABLED, Boolean.toString(fromGeneratedCode));
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(env)));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "adminCli",
                        Map.of(
                                EnableAutoConfiguration.ENABLED_OVERRIDE_PROPERTY,
                                "false",
                                // Hibernate builds on the calling thread: the server's background bootstrap (with a
                                // task executor added) made `admin list` 3 % slower, measured, the quick compiler's
                                // thread keeping the second core busy while the context starts.
                                "spring.jpa.bootstrap",
                                "default")));
        return new SpringApplicationBuilder(application, AdminAutoConfigurations.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(
                        "logging.config=classpath:admin-logback.xml",
                        // Lazy beans alone still build every repository: the context instantiates each repository's
                        // factory bean to learn its type, and the factory builds the repository (with its derived and
                        // @Query queries parsed and checked) unless bootstrapped lazily. A command uses one or two.
                        "spring.data.jpa.repositories.bootstrap-mode=lazy");
    }
}
