package org.llmtutor.userservice.admin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.llmtutor.userservice.user.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code admin} command: its subcommands, and how picocli reports their outcome. Every failure is one line on
 * stderr starting with {@code error:}; the exit code is 0 done, 1 failed, 2 wrong arguments.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = AdminCommands.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Administers users and service tokens in the service's database (same configuration variables as"
                + " the service; migrates the schema first; never starts the web server).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:the command failed", "2:wrong arguments"})
final class AdminCommands implements Callable<Integer> {

    /** Every command, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            UserCommands.Register.class,
            UserCommands.ListUsers.class,
            UserCommands.Delete.class,
            UserCommands.Unlock.class,
            UserCommands.SetRole.class,
            UserCommands.ResetPassword.class,
            UserCommands.Disable.class,
            UserCommands.Enable.class,
            BulkCommands.BulkCreate.class,
            BulkCommands.BulkDelete.class,
            ServiceTokenCommands.Create.class,
            ServiceTokenCommands.Revoke.class,
            ServiceTokenCommands.ListTokens.class,
            MigrateCommand.class);

    private final AdminContext context;

    @Spec
    private CommandSpec spec;

    private AdminCommands(AdminContext context) {
        this.context = context;
    }

    AdminContext context() {
        return context;
    }

    private static Optional<Class<?>> named(String... args) {
        return args.length == 0
                ? Optional.empty()
                : COMMANDS.stream()
                        .filter(command ->
                                command.getAnnotation(Command.class).name().equals(args[0]))
                        .findFirst();
    }

    /** {@code admin} alone names no command. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    /**
     * The command line of one run, writing to the run's streams. Picocli builds each command's model from its
     * annotations by reflection, about 100 ms for all of them at the start of a command: a run that names a command
     * gets only that one; the help, and a name that is no command, get them all. Added before the settings below, which
     * apply to the commands present.
     */
    static CommandLine commandLine(AdminContext context, String... args) {
        CommandLine cli = new CommandLine(new AdminCommands(context));
        named(args).map(List::<Class<?>>of).orElse(COMMANDS).forEach(cli::addSubcommand);
        return cli.registerConverter(Role.class, Arguments::role)
                .setOut(new PrintWriter(context.io().out(), true))
                .setErr(new PrintWriter(context.io().err(), true))
                .setParameterExceptionHandler(PARAMETER_ERRORS)
                .setExecutionExceptionHandler(FAILURES)
                .setExitCodeExceptionMapper(e -> AdminCli.FAILED);
    }

    /**
     * Malformed arguments are exit 2 with a pointer to the command's help. A value that names nothing known (a role, a
     * scope) is a failed lookup rather than a malformed command line: exit 1, as when the service refuses a value.
     */
    private static final IParameterExceptionHandler PARAMETER_ERRORS = (e, args) -> {
        CommandLine cli = e.getCommandLine();
        if (e.getCause() instanceof TypeConversionException unknown) {
            cli.getErr().println("error: " + AdminCli.oneLine(unknown.getMessage()));
            return cli.getExitCodeExceptionMapper().getExitCode(unknown);
        }
        cli.getErr()
                .println("error: " + AdminCli.oneLine(e.getMessage()) + " (see: "
                        + cli.getCommandSpec().qualifiedName() + " --help)");
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    };

    /** Whatever a command throws ends it with one line naming the reason. */
    private static final IExecutionExceptionHandler FAILURES = (Exception e, CommandLine cli, ParseResult parsed) -> {
        cli.getErr()
                .println("error: "
                        + (e instanceof AdminException ? AdminCli.oneLine(e.getMessage()) : AdminCli.reason(e)));
        return cli.getExitCodeExceptionMapper().getExitCode(e);
    };

    /** The version of the application jar ({@code admin --version}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AdminCommands.class.getPackage().getImplementationVersion();
            return new String[] {"user-service " + (version == null ? "(development build)" : version)};
        }
    }
}
