package org.llmtutor.userservice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtutor.userservice.support.TestDatabase;

/**
 * An admin command started from the JVM's class cache prints its own output and nothing else: a JDK 25 AOT cache that
 * held the call adapters' code warned on stdout, at every start from it, that it could not link one of them, ahead of
 * the command's output (so {@code admin list --json} was no longer JSON). Runs the packaged jar through
 * scripts/admin.sh on JDK 25 ($JAVA_25, else Temurin's usual home), skipped where there is none: the first command
 * builds the cache in its training run, the second starts from it.
 */
class ClassCacheOutputIT {

    private static final Path JDK_25 =
            Path.of(System.getenv().getOrDefault("JAVA_25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));

    @TempDir
    Path dir;

    @Test
    void adminCommandFromTheJdk25CacheWritesOnlyItsOutput() throws Exception {
        assumeTrue(Files.isExecutable(JDK_25), "no JDK 25 at " + JDK_25);
        Path jar = Files.copy(
                packagedJar(), Files.createDirectories(dir.resolve("app")).resolve("app.jar"));
        Map<String, String> env = Map.of(
                "APP_JAR", jar.toString(),
                "JAVA", JDK_25.toString(),
                "SPRING_DATASOURCE_URL", TestDatabase.newDatabase("cache_output"),
                "SPRING_DATASOURCE_USERNAME", TestDatabase.username(),
                "SPRING_DATASOURCE_PASSWORD", TestDatabase.password());

        Output training = listJson(env);
        Path cache;
        try (Stream<Path> files = Files.list(dir.resolve("app/app.layout/jvm-cache"))) {
            cache = files.filter(p -> p.toString().endsWith(".aot")).findFirst().orElse(null);
        }
        Output fromCache = listJson(env);

        assertThat(training.stdout()).as("training run's command").isEqualTo("[ ]\n");
        assertThat(cache).as("the CLI's AOT cache was built").isNotNull();
        assertThat(fromCache.stdout())
                .as("stdout of a command started from the cache")
                .isEqualTo("[ ]\n");
        assertThat(fromCache.stderr())
                .as("stderr of a command started from the cache")
                .isEmpty();
    }

    private record Output(String stdout, String stderr) {}

    private Output listJson(Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "scripts/list_users.sh", "--json"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("POSTGRES_")
                        || name.startsWith("SPRING_")
                        || name.startsWith("JVM_")
                        || name.equals("JAVA_OPTS")
                        || name.equals("JAVA_HOME"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("command finished")
                .isTrue();
        Output output = new Output(Files.readString(out), Files.readString(err));
        assertThat(process.exitValue()).as(output.toString()).isZero();
        return output;
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("user-service-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/ (run mvn verify)"));
        }
    }
}
