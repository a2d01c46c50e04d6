package org.llmtutor.userservice.admin;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.ContextAotProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;
import org.springframework.util.function.ThrowingSupplier;

/**
 * Spring AOT for the admin CLI's context, run by the Maven build after Spring Boot's {@code process-aot} (which does
 * the same for the server's): the context {@link AdminContext} describes is prepared, never started, and its bean
 * definitions are written as code, so that a command in a packaged build starts without the component scan, the
 * parsing of the configuration classes and the auto-configurations' conditions (decided here, for a context without a
 * web server and with the environment empty: what a command reads from its environment is bound when it runs). The
 * generated classes carry the feature name {@value #FEATURE} ({@code UserService__AdminBeanDefinitions} beside the
 * server's {@code UserService__BeanDefinitions}), so the two contexts' code lives side by side in one jar.
 */
final class AdminContextAot extends ContextAotProcessor {

    static final String FEATURE = "Admin";

    private AdminContextAot(Class<?> application, Settings settings) {
        super(application, settings);
    }

    /** The class name of the initializer this processor generates for the application's CLI context. */
    static String initializerOf(Class<?> application) {
        return application.getName() + "__" + FEATURE + "ApplicationContextInitializer";
    }

    @Override
    protected ClassNameGenerator createClassNameGenerator() {
        return new ClassNameGenerator(ClassName.get(getApplicationClass()), FEATURE);
    }

    /** The CLI's application, run until its context is prepared and then abandoned, as Boot's own processor does. */
    @Override
    protected GenericApplicationContext prepareApplicationContext(Class<?> application) {
        SpringApplicationHook abandonOnceLoaded = app -> new SpringApplicationRunListener() {
            @Override
            public void contextLoaded(ConfigurableApplicationContext context) {
                throw new AbandonedRunException(context);
            }
        };
        ThrowingSupplier<ConfigurableApplicationContext> run =
                () -> AdminContext.application(application, Map.of(), false).run();
        try {
            SpringApplication.withHook(abandonOnceLoaded, run);
        } catch (AbandonedRunException prepared) {
            if (prepared.getApplicationContext() instanceof GenericApplicationContext context) {
                return context;
            }
        }
        throw new IllegalStateException("The admin CLI's context of " + application.getName() + " was not prepared");
    }

    /**
     * Arguments: the application class, the directories for generated sources, resources and classes, the project's
     * group and artifact id (as Spring Boot's {@code SpringApplicationAotProcessor} takes them).
     */
    public static void main(String[] args) throws ClassNotFoundException {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: AdminContextAot <application class> <sources> <resources> <classes> <groupId> <artifactId>");
        }
        Settings settings = Settings.builder()
                .sourceOutput(Path.of(args[1]))
                .resourceOutput(Path.of(args[2]))
                .classOutput(Path.of(args[3]))
                .groupId(args[4])
                .artifactId(args[5])
                .build();
        Class<?> application = Class.forName(args[0]);
        String initializer =
                new AdminContextAot(application, settings).process().reflectionName();
        // The CLI finds the code by this name; a Spring that names it otherwise must fail the build, not slow the CLI.
        if (!initializer.equals(initializerOf(application))) {
            throw new IllegalStateException(
                    "generated " + initializer + ", but the CLI looks for " + initializerOf(application));
        }
        System.out.println("admin CLI context: generated " + initializer);
    }
}
