package org.llmtutor.userservice.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceCredential;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.user.PasswordPolicy;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UsernamePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** The admin CLI's commands: picocli parses the arguments into these, then {@link Action#run} does the work. */
final class AdminCommands {

    static final String ROLES = "user, developer, admin";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter JSON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TABLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AdminCommands() {}

    /** A parsed command; returns the exit code, or throws {@link AdminException}. */
    interface Action {
        int run(AdminContext ctx);
    }

    static final class Help {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help and exit.")
        boolean help;
    }

    @Command(
            name = "admin",
            synopsisSubcommandLabel = "COMMAND",
            description = {
                "Administers users and service tokens in the service's database (same configuration variables as the"
                        + " service; migrates the schema first; never starts the web server).",
                "Exit codes: 0 success, 1 the command failed, 2 wrong arguments."
            },
            subcommands = {
                Register.class,
                ListUsers.class,
                Delete.class,
                Unlock.class,
                SetRole.class,
                ResetPassword.class,
                Disable.class,
                Enable.class,
                BulkCreate.class,
                BulkDelete.class,
                CreateServiceToken.class,
                RevokeServiceToken.class,
                ListServiceTokens.class,
                Migrate.class
            })
    static final class Root {
        @Mixin
        Help help;
    }

    @Command(
            name = "register",
            description = "Create a user (role user unless given: " + ROLES + ").",
            customSynopsis = {
                "admin register <username> <password> [role]",
                "admin register --password-stdin <username> [role]"
            })
    static final class Register implements Action {
        @Mixin
        Help help;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Parameters(arity = "1..3", paramLabel = "ARG", description = "<username> [<password>] [role]")
        List<String> args;

        @Override
        public int run(AdminContext ctx) {
            Credentials c = Credentials.of(args, passwordStdin, ctx, 1);
            Role role = c.rest().isEmpty() ? Role.USER : role(c.rest().get(0));
            UsernamePolicy.violation(c.username()).ifPresent(AdminCommands::fail);
            PasswordPolicy.violation(c.password()).ifPresent(AdminCommands::fail);
            User user = ctx.bean(AdminService.class).register(c.username(), c.password(), role);
            ctx.out().printf("created user %s (role %s, id %s)%n", user.getUsername(), role.wireName(), user.getId());
            return AdminCli.OK;
        }
    }

    @Command(name = "list", description = "List the users (never their password hashes).")
    static final class ListUsers implements Action {
        @Mixin
        Help help;

        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        record UserJson(
                UUID id,
                String username,
                String role,
                @JsonProperty("is_active") boolean active,
                int xp,
                @JsonProperty("created_at") String createdAt) {}

        @Override
        public int run(AdminContext ctx) {
            List<User> users = ctx.bean(AdminService.class).listUsers();
            if (json) {
                printJson(
                        ctx,
                        users.stream()
                                .map(u -> new UserJson(
                                        u.getId(),
                                        u.getUsername(),
                                        u.getRole().wireName(),
                                        u.isActive(),
                                        u.getXp(),
                                        JSON_TIME.format(u.getCreatedAt())))
                                .toList());
            } else {
                TextTable table = new TextTable("USERNAME", "ROLE", "ACTIVE", "XP", "CREATED (UTC)", "ID");
                users.forEach(u -> table.row(
                        u.getUsername(),
                        u.getRole().wireName(),
                        u.isActive() ? "yes" : "no",
                        u.getXp(),
                        TABLE_TIME.format(u.getCreatedAt()),
                        u.getId()));
                table.print(ctx.out());
                ctx.out().println(users.size() + " users");
            }
            return AdminCli.OK;
        }
    }

    @Command(
            name = "delete",
            description = "Delete a user with all their data (sessions, settings, quiz results); their tokens stop"
                    + " working.")
    static final class Delete implements Action {
        @Mixin
        Help help;

        @Parameters(paramLabel = "<username>")
        String username;

        @Override
        public int run(AdminContext ctx) {
            if (!ctx.bean(AdminService.class).delete(username)) {
                fail(noSuchUser(username));
            }
            ctx.out().println("deleted user " + username + " and all their data");
            return AdminCli.OK;
        }
    }

    @Command(name = "unlock", description = "Lift a login lock: forget the user's failed login attempts.")
    static final class Unlock implements Action {
        @Mixin
        Help help;

        @Parameters(paramLabel = "<username>")
        String username;

        @Override
        public int run(AdminContext ctx) {
            boolean cleared = ctx.bean(AdminService.class).unlock(username);
            ctx.out().println(cleared ? "unlocked " + username : username + " was not locked");
            return AdminCli.OK;
        }
    }

    @Command(name = "set_role", description = "Change a user's role (" + ROLES + "); applies to their next request.")
    static final class SetRole implements Action {
        @Mixin
        Help help;

        @Parameters(index = "0", paramLabel = "<username>")
        String username;

        @Parameters(index = "1", paramLabel = "<role>")
        String roleName;

        @Override
        public int run(AdminContext ctx) {
            Role role = role(roleName);
            Role previous = ctx.bean(AdminService.class).setRole(username, role);
            ctx.out()
                    .println(
                            previous == role
                                    ? username + " already has role " + role.wireName()
                                    : username + ": role " + previous.wireName() + " -> " + role.wireName());
            return AdminCli.OK;
        }
    }

    @Command(
            name = "reset_password",
            description = "Set a new password; every token and login session of the user ends.",
            customSynopsis = {
                "admin reset_password <username> <password>",
                "admin reset_password --password-stdin <username>"
            })
    static final class ResetPassword implements Action {
        @Mixin
        Help help;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Parameters(arity = "1..2", paramLabel = "ARG", description = "<username> [<password>]")
        List<String> args;

        @Override
        public int run(AdminContext ctx) {
            Credentials c = Credentials.of(args, passwordStdin, ctx, 0);
            PasswordPolicy.violation(c.password()).ifPresent(AdminCommands::fail);
            ctx.bean(AdminService.class).resetPassword(c.username(), c.password());
            ctx.out().println("password of " + c.username() + " reset; all their tokens and login sessions ended");
            return AdminCli.OK;
        }
    }

    @Command(name = "disable", description = "Disable a user: they cannot log in and every token of theirs ends.")
    static final class Disable extends SetActive {
        Disable() {
            super(false, "disabled");
        }
    }

    @Command(name = "enable", description = "Enable a disabled user again.")
    static final class Enable extends SetActive {
        Enable() {
            super(true, "enabled");
        }
    }

    /** disable and enable: one switch, two names. */
    abstract static class SetActive implements Action {
        @Mixin
        Help help;

        @Parameters(paramLabel = "<username>")
        String username;

        private final boolean active;
        private final String done;

        SetActive(boolean active, String done) {
            this.active = active;
            this.done = done;
        }

        @Override
        public int run(AdminContext ctx) {
            boolean changed = ctx.bean(AdminService.class).setActive(username, active);
            ctx.out().println(changed ? done + " " + username : username + " was already " + done);
            return AdminCli.OK;
        }
    }

    @Command(
            name = "bulk_create",
            description = {
                "Create the users of a JSON file: [{\"username\": ..., \"password\": ..., \"role\": ...}, ...] (role"
                        + " optional, default user).",
                "The whole file is checked first; if any entry is bad, every bad one is reported with its index and"
                        + " nothing is created. Existing usernames are reported and skipped, so a rerun (e.g. after a"
                        + " crash) finishes the job. Exit code 1 if any user could not be created."
            })
    static final class BulkCreate implements Action {
        @Mixin
        Help help;

        @Parameters(paramLabel = "<file.json>")
        Path file;

        @Override
        public int run(AdminContext ctx) {
            return bulk(ctx, BulkUserFile.forCreate(file), "created", "skipped", BulkUsers::create);
        }
    }

    @Command(
            name = "bulk_delete",
            description = {
                "Delete the users named in a JSON file of the bulk_create shape (only \"username\" is read), each with"
                        + " all their data.",
                "Usernames not found are reported and counted as missing (not an error)."
            })
    static final class BulkDelete implements Action {
        @Mixin
        Help help;

        @Parameters(paramLabel = "<file.json>")
        Path file;

        @Override
        public int run(AdminContext ctx) {
            return bulk(ctx, BulkUserFile.forDelete(file), "deleted", "missing", BulkUsers::delete);
        }
    }

    @Command(
            name = "create_service_token",
            description = {
                "Create a credential for an internal service and print its token (svc_...) on stdout. It is shown"
                        + " this once and stored only as a hash.",
                "Scopes: settings:read settings:write sessions:read sessions:write profile:read profile:write"
                        + " quiz:read quiz:write metrics:read (write includes read)."
            })
    static final class CreateServiceToken implements Action {
        @Mixin
        Help help;

        @Parameters(index = "0", paramLabel = "<name>")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "<scope>")
        List<String> scopeNames;

        @Override
        public int run(AdminContext ctx) {
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String scopeName : scopeNames) {
                scopes.add(Scope.fromWireName(scopeName)
                        .orElseThrow(() -> new AdminException("unknown scope '" + scopeName + "' (known: "
                                + List.of(Scope.values()).stream()
                                        .map(Scope::wireName)
                                        .collect(Collectors.joining(" ")) + ")")));
            }
            ServiceCredentialService.Created created =
                    ctx.bean(AdminService.class).createServiceToken(name, scopes);
            ctx.io()
                    .err()
                    .println("created service token " + name + " with scopes " + scopeList(scopes)
                            + "; it is shown only once:");
            ctx.out().println(created.token());
            return AdminCli.OK;
        }
    }

    @Command(name = "revoke_service_token", description = "Revoke the active service token of that name.")
    static final class RevokeServiceToken implements Action {
        @Mixin
        Help help;

        @Parameters(paramLabel = "<name>")
        String name;

        @Override
        public int run(AdminContext ctx) {
            ctx.bean(AdminService.class).revokeServiceToken(name);
            ctx.out().println("revoked service token " + name);
            return AdminCli.OK;
        }
    }

    @Command(name = "list_service_tokens", description = "List the service tokens (never the tokens themselves).")
    static final class ListServiceTokens implements Action {
        @Mixin
        Help help;

        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        record TokenJson(
                UUID id,
                String name,
                List<String> scopes,
                boolean active,
                @JsonProperty("created_at") String createdAt,
                @JsonProperty("revoked_at") String revokedAt) {}

        @Override
        public int run(AdminContext ctx) {
            List<ServiceCredential> tokens = ctx.bean(AdminService.class).listServiceTokens();
            if (json) {
                printJson(
                        ctx,
                        tokens.stream()
                                .map(t -> new TokenJson(
                                        t.getId(),
                                        t.getName(),
                                        t.getScopes().stream()
                                                .map(Scope::wireName)
                                                .sorted()
                                                .toList(),
                                        t.isActive(),
                                        JSON_TIME.format(t.getCreatedAt()),
                                        t.getRevokedAt() == null ? null : JSON_TIME.format(t.getRevokedAt())))
                                .toList());
            } else {
                TextTable table = new TextTable("NAME", "SCOPES", "STATUS", "CREATED (UTC)", "ID");
                tokens.forEach(t -> table.row(
                        t.getName(),
                        scopeList(t.getScopes()),
                        t.isActive() ? "active" : "revoked " + TABLE_TIME.format(t.getRevokedAt()),
                        TABLE_TIME.format(t.getCreatedAt()),
                        t.getId()));
                table.print(ctx.out());
            }
            return AdminCli.OK;
        }
    }

    @Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
    static final class Migrate implements Action {
        @Mixin
        Help help;

        @Override
        public int run(AdminContext ctx) {
            MigrationInfo current = ctx.bean(Flyway.class).info().current();
            ctx.out()
                    .println("database schema is up to date"
                            + (current == null ? "" : " (version " + current.getVersion() + ")"));
            return AdminCli.OK;
        }
    }

    /** A username and password from the arguments, or the password from stdin; {@code rest} are the arguments after. */
    private record Credentials(String username, String password, List<String> rest) {

        static Credentials of(List<String> args, boolean passwordStdin, AdminContext ctx, int maxRest) {
            int fixed = passwordStdin ? 1 : 2;
            if (args.size() < fixed) {
                throw AdminException.usage("missing <password> (or use --password-stdin)");
            }
            if (args.size() > fixed + maxRest) {
                throw AdminException.usage("unexpected argument '" + args.get(fixed + maxRest) + "'");
            }
            String password = passwordStdin ? ctx.readLine() : args.get(1);
            return new Credentials(args.get(0), password, new ArrayList<>(args.subList(fixed, args.size())));
        }
    }

    private static Role role(String name) {
        return BulkUserFile.role(name)
                .orElseThrow(() -> new AdminException("unknown role '" + name + "' (one of " + ROLES + ")"));
    }

    private static String scopeList(Set<Scope> scopes) {
        return scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
    }

    private static void printJson(AdminContext ctx, Object value) {
        ctx.out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    /** The bulk operation over a file's entries; {@code done} and {@code passed} name the summary's counts. */
    interface BulkOperation {
        BulkUsers.Summary apply(BulkUsers bulk, List<BulkUserFile.Entry> entries, AdminIo io);
    }

    /** Reports every bad entry and changes nothing, or runs the operation and prints its summary. */
    private static int bulk(
            AdminContext ctx, BulkUserFile.Parsed parsed, String done, String passed, BulkOperation operation) {
        if (!parsed.problems().isEmpty()) {
            parsed.problems().forEach(ctx.io().err()::println);
            int total = parsed.problems().size() + parsed.entries().size();
            fail(parsed.problems().size() + " of " + total + " entries are invalid; nothing was " + done);
        }
        long started = System.nanoTime();
        BulkUsers.Summary s = operation.apply(ctx.bean(BulkUsers.class), parsed.entries(), ctx.io());
        ctx.out()
                .printf(
                        "%s %d, %s %d, failed %d (%s)%n",
                        done, s.done(), passed, s.passed(), s.failed(), since(started));
        return s.failed() == 0 ? AdminCli.OK : AdminCli.FAILED;
    }

    private static String since(long startedNanos) {
        return Progress.format(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private static String noSuchUser(String username) {
        return "no user named '" + username + "'";
    }

    private static void fail(String reason) {
        throw new AdminException(reason);
    }
}
