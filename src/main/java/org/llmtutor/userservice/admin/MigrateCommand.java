package org.llmtutor.userservice.admin;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;

/**
 * Every command migrates first (Boot's Flyway, see {@link AdminContext}); this one runs Flyway's migrate again, with its
 * validation of what was applied (checksums included), and says where the schema stands.
 */
@Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
final class MigrateCommand extends AdminCommand {

    @Override
    int run(AdminContext ctx) {
        Flyway flyway = ctx.bean(Flyway.class);
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        ctx.out()
                .println("database schema is up to date"
                        + (current == null ? "" : " (version " + current.getVersion() + ")"));
        return AdminCli.OK;
    }
}
