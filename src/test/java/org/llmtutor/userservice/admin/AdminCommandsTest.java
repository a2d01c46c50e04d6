package org.llmtutor.userservice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run that names a command builds only that command's model (picocli reflects over each command's annotations at
 * every start); the help and a name that is no command see every command. No application starts here: the context
 * starts on the first bean a command asks for.
 */
class AdminCommandsTest {

    private final AdminContext context = new AdminContext(
            new AdminIo(
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(new ByteArrayOutputStream()),
                    false),
            Map.of(),
            Object.class,
            false);

    @Test
    void aRunNamingACommandBuildsOnlyThatCommand() {
        CommandLine cli = AdminCommands.commandLine(context, "list", "--json");

        assertThat(cli.getSubcommands()).containsOnlyKeys("list");
        assertThat(cli.getSubcommands().get("list").getCommandSpec().mixinStandardHelpOptions())
                .as("the inherited --help and --version")
                .isTrue();
    }

    @Test
    void helpAndUnknownNamesSeeEveryCommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"lsit"}}) {
            assertThat(AdminCommands.commandLine(context, args).getSubcommands())
                    .as(String.join(" ", args))
                    .hasSize(14)
                    .containsKeys("register", "list", "bulk_create", "create_service_token", "migrate");
        }
    }
}
