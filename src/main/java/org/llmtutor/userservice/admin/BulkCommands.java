package org.llmtutor.userservice.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.llmtutor.userservice.admin.bulk.BulkUserFile;
import org.llmtutor.userservice.admin.bulk.BulkUsers;
import org.llmtutor.userservice.admin.bulk.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** The commands over a file of users, the shape of the Python scripts' {@code users_to_create.json}. */
final class BulkCommands {

    private BulkCommands() {}

    @Command(
            name = "bulk_create",
            description = {
                "Create the users of a JSON file: [{\"username\": ..., \"password\": ..., \"role\": ...}, ...] (role"
                        + " optional, default user).",
                "The whole file is checked first; if any entry is bad, every bad one is reported with its index and"
                        + " nothing is created. Existing usernames are reported and skipped, so a rerun (e.g. after a"
                        + " crash) finishes the job. Exit code 1 if any user could not be created."
            })
    static final class BulkCreate extends BulkCommand {
        BulkCreate() {
            super("created", "skipped", BulkUserFile::forCreate, BulkUsers::create);
        }
    }

    @Command(
            name = "bulk_delete",
            description = {
                "Delete the users named in a JSON file of the bulk_create shape (only \"username\" is read), each with"
                        + " all their data.",
                "Usernames not found are reported and counted as missing (not an error)."
            })
    static final class BulkDelete extends BulkCommand {
        BulkDelete() {
            super("deleted", "missing", BulkUserFile::forDelete, BulkUsers::delete);
        }
    }

    /** Bulk create or delete over a checked file's entries. */
    interface Operation {
        BulkUsers.Summary apply(BulkUsers bulk, List<BulkUserFile.Entry> entries, AdminIo io);
    }

    /**
     * Reports every bad entry and changes nothing, or runs the operation and prints its summary; {@code done} and
     * {@code passed} name the summary's counts.
     */
    abstract static class BulkCommand extends AdminCommand {
        @Parameters(paramLabel = "<file.json>")
        Path file;

        private final String done;
        private final String passed;
        private final BiFunction<Path, JsonMapper, BulkUserFile.Parsed> parser;
        private final Operation operation;

        BulkCommand(
                String done,
                String passed,
                BiFunction<Path, JsonMapper, BulkUserFile.Parsed> parser,
                Operation operation) {
            this.done = done;
            this.passed = passed;
            this.parser = parser;
            this.operation = operation;
        }

        @Override
        int run(AdminContext ctx) {
            BulkUserFile.Parsed parsed = parser.apply(file, ctx.bean(JsonMapper.class));
            if (!parsed.problems().isEmpty()) {
                parsed.problems().forEach(ctx.io().err()::println);
                int total = parsed.problems().size() + parsed.entries().size();
                throw new AdminException(
                        parsed.problems().size() + " of " + total + " entries are invalid; nothing was " + done);
            }
            long started = System.nanoTime();
            BulkUsers.Summary s = operation.apply(ctx.bean(BulkUsers.class), parsed.entries(), ctx.io());
            ctx.out()
                    .printf(
                            "%s %d, %s %d, failed %d (%s)%n",
                            done,
                            s.done(),
                            passed,
                            s.passed(),
                            s.failed(),
                            Progress.format(Duration.ofNanos(System.nanoTime() - started)));
            return s.failed() == 0 ? AdminCli.OK : AdminCli.FAILED;
        }
    }
}
