package org.llmtutor.userservice.admin;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Parameters;

/** A username and a password; {@code rest} are the arguments after them. */
record Credentials(String username, String password, List<String> rest) {

    /**
     * The arguments of a command that takes a username and a password (a picocli mixin). The password is the second
     * argument unless a {@link PasswordSource} gives it, so the positions are told apart here, not by picocli.
     */
    static final class Args {

        @ArgGroup
        PasswordSource source;

        @Parameters(
                arity = "1..3",
                paramLabel = "ARG",
                description = "<username>, then <password> unless --password-stdin or --password gives it, then the"
                        + " command's further arguments (see the synopsis)")
        List<String> values;

        /** @param maxRest how many arguments the command takes after the username and password */
        Credentials read(AdminCommand command, AdminContext ctx, int maxRest) {
            int fixed = source != null ? 1 : 2;
            if (values.size() < fixed) {
                throw command.usage("missing <password> (or use --password-stdin)");
            }
            if (values.size() > fixed + maxRest) {
                throw command.usage("unexpected argument '" + values.get(fixed + maxRest) + "'");
            }
            String password = source != null ? source.read(ctx) : values.get(1);
            return new Credentials(values.get(0), password, new ArrayList<>(values.subList(fixed, values.size())));
        }
    }
}
