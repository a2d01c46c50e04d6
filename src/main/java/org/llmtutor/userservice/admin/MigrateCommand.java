package org.llmtutor.userservice.admin;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.llmtutor.userservice.common.SchemaMigration;
import picocli.CommandLine.Command;

/**
 * Every command migrates first (see {@link AdminContext}), skipping Flyway when the schema history already lists every
 * migration; this one runs Flyway's own migrate regardless, with its validation of what was applied (checksums
 * included), and says where the schema stands.
 */
@Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
final class MigrateCommand extends AdminCommand {

    @Override
    int run(AdminContext ctx) {
        Flyway flyway = ctx.bean(SchemaMigration.class).flyway();
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        ctx.out()
                .println("database schema is up to date"
                        + (current == null ? "" : " (version " + current.getVersion() + ")"));
        return AdminCli.OK;
    }
}
