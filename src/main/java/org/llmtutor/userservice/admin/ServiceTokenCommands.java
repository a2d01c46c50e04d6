package org.llmtutor.userservice.admin;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceCredential;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.shared.Timestamps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands on service credentials (tokens of internal services). */
final class ServiceTokenCommands {

    private ServiceTokenCommands() {}

    @Command(
            name = "create_service_token",
            description = {
                "Create a credential for an internal service and print its token (svc_...) on stdout. It is shown"
                        + " this once and stored only as a hash.",
                "Scopes: settings:read settings:write sessions:read sessions:write profile:read profile:write"
                        + " quiz:read quiz:write metrics:read (write includes read)."
            })
    static final class Create extends AdminCommand {
        @Parameters(index = "0", paramLabel = "<name>")
        String name;

        // Strings, converted in run: picocli would take an unknown scope in a list for an unmatched argument (exit 2).
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "<scope>")
        List<String> scopes;

        @Override
        int run(AdminContext ctx) {
            Set<Scope> scopeSet = EnumSet.noneOf(Scope.class);
            scopes.forEach(scope -> scopeSet.add(Arguments.scope(scope)));
            ServiceCredentialService.Created created =
                    ctx.bean(AdminService.class).createServiceToken(name, scopeSet);
            ctx.io()
                    .err()
                    .println("created service token " + name + " with scopes " + Scope.wireNames(scopeSet)
                            + "; it is shown only once:");
            ctx.out().println(created.token());
            return AdminCli.OK;
        }
    }

    @Command(name = "revoke_service_token", description = "Revoke the active service token of that name.")
    static final class Revoke extends AdminCommand {
        @Parameters(paramLabel = "<name>")
        String name;

        @Override
        int run(AdminContext ctx) {
            ctx.bean(AdminService.class).revokeServiceToken(name);
            ctx.out().println("revoked service token " + name);
            return AdminCli.OK;
        }
    }

    @Command(name = "list_service_tokens", description = "List the service tokens (never the tokens themselves).")
    static final class ListTokens extends AdminCommand {
        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        record TokenJson(
                UUID id, String name, List<String> scopes, boolean active, Instant createdAt, Instant revokedAt) {}

        @Override
        int run(AdminContext ctx) {
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
                                        t.getCreatedAt(),
                                        t.getRevokedAt()))
                                .toList());
                return AdminCli.OK;
            }
            TextTable table = new TextTable("NAME", "SCOPES", "STATUS", "CREATED (UTC)", "ID");
            tokens.forEach(t -> table.row(
                    t.getName(),
                    Scope.wireNames(t.getScopes()),
                    t.isActive() ? "active" : "revoked " + Timestamps.TEXT.format(t.getRevokedAt()),
                    Timestamps.TEXT.format(t.getCreatedAt()),
                    t.getId()));
            table.print(ctx.out());
            return AdminCli.OK;
        }
    }
}
