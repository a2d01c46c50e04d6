package org.llmtutor.userservice.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * One admin command: picocli fills its fields from the arguments, then {@link #run} does the work and returns the exit
 * code. A command fails by throwing: {@link AdminException} (exit 1) or {@link #usage} (exit 2).
 */
abstract class AdminCommand implements Callable<Integer> {

    @ParentCommand
    private AdminCommands admin;

    @Spec
    private CommandSpec spec;

    abstract int run(AdminContext ctx);

    @Override
    public final Integer call() {
        return run(admin.context());
    }

    /** Prints the value as pretty JSON with the application's mapper (the web layer's names and timestamps). */
    static void printJson(AdminContext ctx, Object value) {
        ctx.out()
                .println(ctx.bean(JsonMapper.class)
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(value));
    }

    /** Wrong arguments found after parsing; reported like picocli's own parameter errors. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
