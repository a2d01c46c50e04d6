package org.llmtutor.userservice.admin;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams of one CLI run, passed in so tests can drive the CLI in-process.
 *
 * @param terminal whether stdout is an interactive terminal (progress then updates one line in place)
 */
public record AdminIo(InputStream in, PrintStream out, PrintStream err, boolean terminal) {

    public static AdminIo system() {
        return new AdminIo(System.in, System.out, System.err, isTerminal(System.console()));
    }

    // From Java 22 System.console() may exist with redirected streams; Console.isTerminal() then tells.
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJava22) {
            return true;
        }
    }
}
