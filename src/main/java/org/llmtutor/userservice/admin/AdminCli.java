package org.llmtutor.userservice.admin;

import java.sql.SQLException;
import java.util.Map;

/**
 * The admin CLI: {@code java -jar user-service.jar admin <command> [args]}. Runs one command against the service's
 * database and returns its exit code; every failure is one {@code error:} line on stderr (a start that fails is also
 * reported by Spring Boot, in the log above it).
 */
public final class AdminCli {

    /** The first program argument that selects the CLI instead of the web service. */
    public static final String COMMAND = "admin";

    public static final int OK = 0;
    public static final int FAILED = 1;
    // Wrong arguments exit with 2, picocli's own exit code for invalid input.

    private AdminCli() {}

    /**
     * @param args the arguments after {@code admin}
     * @param env the environment variables to configure the application from (normally {@link System#getenv()})
     * @param application the application class whose beans the commands use, handed in by {@code main} so that this
     *     module does not depend on the application's root package
     */
    public static int run(String[] args, AdminIo io, Map<String, String> env, Class<?> application) {
        return run(args, io, env, application, false);
    }

    /**
     * One command as the JVM's only work ({@code main}): with the system's streams and environment, and from the bean
     * definitions generated for the CLI's context at build time where the build made them (a packaged jar), which
     * switches the whole JVM to Spring's AOT mode; {@link #run} in a JVM that does more starts the ordinary way.
     */
    public static int runAsProcess(String[] args, Class<?> application) {
        return run(args, AdminIo.system(), System.getenv(), application, true);
    }

    private static int run(
            String[] args, AdminIo io, Map<String, String> env, Class<?> application, boolean generatedCode) {
        try (AdminContext context = new AdminContext(io, env, application, generatedCode)) {
            return AdminCommands.commandLine(context, args).execute(args);
        }
    }

    /**
     * The most telling message of an unexpected failure, on one line: the innermost database error (it names host and
     * port, unlike the socket error beneath it), else the innermost message.
     */
    public static String reason(Throwable e) {
        Throwable chosen = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && (t instanceof SQLException || !(chosen instanceof SQLException))) {
                chosen = t;
            }
        }
        return chosen.getMessage() == null ? chosen.getClass().getSimpleName() : oneLine(chosen.getMessage());
    }

    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
