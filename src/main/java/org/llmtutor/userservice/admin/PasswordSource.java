package org.llmtutor.userservice.admin;

import picocli.CommandLine.Option;

/**
 * Where a password comes from when it is not an argument (arguments show in the process list and the shell's
 * history): standard input for scripts, or a prompt that does not echo for a person at a terminal.
 */
final class PasswordSource {

    @Option(
            names = "--password-stdin",
            required = true,
            description = "Read the password from the first line of standard input.")
    boolean stdin;

    @Option(
            names = "--password",
            required = true,
            interactive = true,
            description = "Ask for the password at the terminal (not echoed).")
    char[] prompted;

    /** The password: the prompted one, else the first line of standard input. */
    String read(AdminContext ctx) {
        return prompted != null ? new String(prompted) : ctx.readLine();
    }
}
