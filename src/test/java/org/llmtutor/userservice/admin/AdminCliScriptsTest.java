package org.llmtutor.userservice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook scripts (the Python scripts' names) are thin wrappers: each runs {@code java -jar <jar> admin <command>}
 * with its arguments untouched. A stand-in {@code java} that prints its arguments shows the exact command line.
 */
class AdminCliScriptsTest {

    private static final Map<String, String> SCRIPTS = Map.ofEntries(
            Map.entry("register_user.sh", "register"),
            Map.entry("list_users.sh", "list"),
            Map.entry("delete_user.sh", "delete"),
            Map.entry("bulk_create_users.sh", "bulk_create"),
            Map.entry("bulk_delete_users.sh", "bulk_delete"),
            Map.entry("unlock_user.sh", "unlock"),
            Map.entry("set_role.sh", "set_role"),
            Map.entry("reset_password.sh", "reset_password"),
            Map.entry("disable_user.sh", "disable"),
            Map.entry("enable_user.sh", "enable"),
            Map.entry("create_service_token.sh", "create_service_token"),
            Map.entry("revoke_service_token.sh", "revoke_service_token"),
            Map.entry("list_service_tokens.sh", "list_service_tokens"),
            Map.entry("migrate.sh", "migrate"));

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    @Test
    void everyScriptRunsItsCommandWithTheArgumentsUntouched() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "");
        for (var script : SCRIPTS.entrySet()) {
            Run r = run(script.getKey(), Map.of("APP_JAR", jar.toString()), "alice", "two words", "--json");

            assertThat(r.code()).as(script.getKey()).isZero();
            assertThat(r.out().lines())
                    .as(script.getKey())
                    .containsExactly(
                            "-jar", jar.toString(), "admin", script.getValue(), "alice", "two words", "--json");
        }
    }

    @Test
    void commandsRunWithTheSerialCollectorAndShortOnesWithTheQuickJitUnlessJavaOptsIsSet() throws Exception {
        Map<String, String> env = new HashMap<>(
                Map.of("APP_JAR", Files.writeString(dir.resolve("app.jar"), "").toString()));
        env.put("JAVA_OPTS", null);

        assertThat(run("list_users.sh", env).out())
                .startsWith("-XX:+UseSerialGC\n-Xms48m\n-Xmn24m\n-XX:TieredStopAtLevel=1\n"
                        + "-XX:ReservedCodeCacheSize=128m\n-XX:MaxTenuringThreshold=0\n-jar\n");
        assertThat(run("bulk_create_users.sh", env, "f.json").out())
                .startsWith("-XX:+UseSerialGC\n-Xms48m\n-Xmn24m\n-jar\n");
        env.put("JAVA_OPTS", "-Xmx256m -Dx=y");
        assertThat(run("list_users.sh", env).out()).startsWith("-Xmx256m\n-Dx=y\n-jar\n");
    }

    @Test
    void exitCodeOfTheCommandIsTheScriptsExitCode() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "");
        Path failing = executable("failing-java", "#!/bin/sh\necho 'error: no user named x' >&2\nexit 1\n");

        Run r = run("delete_user.sh", Map.of("APP_JAR", jar.toString(), "JAVA", failing.toString()), "x");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: no user named x\n");
    }

    @Test
    void missingJarIsOneLineAndExitCode1() throws Exception {
        Run r = run(
                "list_users.sh", Map.of("APP_JAR", dir.resolve("nowhere.jar").toString()));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: no application jar found").hasLineCount(1);
    }

    private Run run(String script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", Path.of("scripts", script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .put(
                        "JAVA",
                        executable("echo-java", "#!/bin/sh\nprintf '%s\\n' \"$@\"\n")
                                .toString());
        builder.environment().put("JAVA_OPTS", "");
        // A null value unsets the variable.
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }

    private Path executable(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        }
        return file;
    }
}
