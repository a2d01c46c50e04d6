package org.llmtutor.userservice.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.user.Role;
import picocli.CommandLine.TypeConversionException;

/**
 * How the CLI reads roles and scopes, on the command line (registered as picocli converters) and in bulk files alike:
 * by their API names, roles in any letter case.
 */
final class Arguments {

    static final String ROLES = "user, developer, admin";

    private Arguments() {}

    static Optional<Role> findRole(String name) {
        return Role.fromWireName(name.toLowerCase(Locale.ROOT));
    }

    static Role role(String name) {
        return findRole(name)
                .orElseThrow(() -> new TypeConversionException("unknown role '" + name + "' (one of " + ROLES + ")"));
    }

    static Scope scope(String name) {
        return Scope.fromWireName(name)
                .orElseThrow(() -> new TypeConversionException("unknown scope '" + name + "' (known: "
                        + Arrays.stream(Scope.values()).map(Scope::wireName).collect(Collectors.joining(" "))
                        + ")"));
    }
}
