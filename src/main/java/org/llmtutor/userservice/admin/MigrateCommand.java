package org.llmtutor.userservice.admin;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;

/** Every command migrates first (see {@link AdminContext}); this one only says where the schema stands. */
@Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
final class MigrateCommand extends AdminCommand {

    @Override
    int run(AdminContext ctx) {
        MigrationInfo current = ctx.bean(Flyway.class).info().current();
        ctx.out()
                .println("database schema is up to date"
                        + (current == null ? "" : " (version " + current.getVersion() + ")"));
        return AdminCli.OK;
    }
}
