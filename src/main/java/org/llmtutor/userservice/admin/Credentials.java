package org.llmtutor.userservice.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A username and a password given as arguments, or the password from a {@link PasswordSource}; {@code rest} are the
 * arguments after them. The positions depend on whether the password is an argument, so the command takes its
 * arguments as a list and this record tells them apart.
 */
record Credentials(String username, String password, List<String> rest) {

    static Credentials of(
            AdminCommand command, List<String> args, PasswordSource source, AdminContext ctx, int maxRest) {
        int fixed = source != null ? 1 : 2;
        if (args.size() < fixed) {
            throw command.usage("missing <password> (or use --password-stdin)");
        }
        if (args.size() > fixed + maxRest) {
            throw command.usage("unexpected argument '" + args.get(fixed + maxRest) + "'");
        }
        String password = source != null ? source.read(ctx) : args.get(1);
        return new Credentials(args.get(0), password, new ArrayList<>(args.subList(fixed, args.size())));
    }
}
