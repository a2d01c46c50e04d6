package org.llmtutor.userservice.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.shared.Timestamps;
import org.llmtutor.userservice.user.PasswordPolicy;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UsernamePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands on single users. */
final class UserCommands {

    private UserCommands() {}

    @Command(
            name = "register",
            description = "Create a user (role user unless given: " + Arguments.ROLES + ").",
            customSynopsis = {
                "admin register <username> <password> [role]",
                "admin register (--password-stdin | --password) <username> [role]"
            })
    static final class Register extends AdminCommand {
        @Mixin
        Credentials.Args credentials;

        @Override
        int run(AdminContext ctx) {
            Credentials c = credentials.read(this, ctx, 1);
            Role role = c.rest().isEmpty() ? Role.USER : Arguments.role(c.rest().get(0));
            UsernamePolicy.violation(c.username()).ifPresent(AdminException::fail);
            PasswordPolicy.violation(c.password()).ifPresent(AdminException::fail);
            User user = ctx.bean(AdminService.class).register(c.username(), c.password(), role);
            ctx.out().printf("created user %s (role %s, id %s)%n", user.getUsername(), role.wireName(), user.getId());
            return AdminCli.OK;
        }
    }

    @Command(name = "list", description = "List the users (never their password hashes).")
    static final class ListUsers extends AdminCommand {
        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        record UserJson(UUID id, String username, String role, boolean isActive, int xp, Instant createdAt) {}

        @Override
        int run(AdminContext ctx) {
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
                                        u.getCreatedAt()))
                                .toList());
                return AdminCli.OK;
            }
            TextTable table = new TextTable("USERNAME", "ROLE", "ACTIVE", "XP", "CREATED (UTC)", "ID");
            users.forEach(u -> table.row(
                    u.getUsername(),
                    u.getRole().wireName(),
                    u.isActive() ? "yes" : "no",
                    u.getXp(),
                    Timestamps.TEXT.format(u.getCreatedAt()),
                    u.getId()));
            table.print(ctx.out());
            ctx.out().println(users.size() + " users");
            return AdminCli.OK;
        }
    }

    @Command(
            name = "delete",
            description = "Delete a user with all their data (sessions, settings, quiz results); their tokens stop"
                    + " working.")
    static final class Delete extends AdminCommand {
        @Parameters(paramLabel = "<username>")
        String username;

        @Override
        int run(AdminContext ctx) {
            if (!ctx.bean(AdminService.class).delete(username)) {
                throw AdminException.noSuchUser(username);
            }
            ctx.out().println("deleted user " + username + " and all their data");
            return AdminCli.OK;
        }
    }

    @Command(name = "unlock", description = "Lift a login lock: forget the user's failed login attempts.")
    static final class Unlock extends AdminCommand {
        @Parameters(paramLabel = "<username>")
        String username;

        @Override
        int run(AdminContext ctx) {
            boolean cleared = ctx.bean(AdminService.class).unlock(username);
            ctx.out().println(cleared ? "unlocked " + username : username + " was not locked");
            return AdminCli.OK;
        }
    }

    @Command(
            name = "set_role",
            description = "Change a user's role (" + Arguments.ROLES + "); applies to their next request.")
    static final class SetRole extends AdminCommand {
        @Parameters(index = "0", paramLabel = "<username>")
        String username;

        @Parameters(index = "1", paramLabel = "<role>")
        Role role;

        @Override
        int run(AdminContext ctx) {
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
                "admin reset_password (--password-stdin | --password) <username>"
            })
    static final class ResetPassword extends AdminCommand {
        @Mixin
        Credentials.Args credentials;

        @Override
        int run(AdminContext ctx) {
            Credentials c = credentials.read(this, ctx, 0);
            PasswordPolicy.violation(c.password()).ifPresent(AdminException::fail);
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
    abstract static class SetActive extends AdminCommand {
        @Parameters(paramLabel = "<username>")
        String username;

        private final boolean active;
        private final String done;

        SetActive(boolean active, String done) {
            this.active = active;
            this.done = done;
        }

        @Override
        int run(AdminContext ctx) {
            boolean changed = ctx.bean(AdminService.class).setActive(username, active);
            ctx.out().println(changed ? done + " " + username : username + " was already " + done);
            return AdminCli.OK;
        }
    }
}
