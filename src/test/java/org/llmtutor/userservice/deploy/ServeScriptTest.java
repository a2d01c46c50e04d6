package org.llmtutor.userservice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/serve.sh, the one launcher of a packaged jar (the image runs it too): the project's memory bounds, raised
 * through the environment, JAVA_OPTS after them, the arguments passed on untouched, and {@code admin} handed to the
 * admin CLI, Spring AOT mode for a jar built with it. A stand-in {@code java} that prints its arguments shows the exact
 * command line (it has no JDK beside it, so no class cache is made).
 */
class ServeScriptTest {

    private static final List<String> DEFAULT_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-Xmx128m",
            "-Xmn16m",
            "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40",
            "-XX:MaxMetaspaceSize=160m",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    @Test
    void startsTheJarWithTheBoundedMemoryFlagsAndPassesTheArgumentsOn() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "");

        Run r = run(Map.of("APP_JAR", jar.toString()), "--server.port=18150", "two words");

        assertThat(r.code()).isZero();
        List<String> expected = new ArrayList<>(DEFAULT_FLAGS);
        expected.addAll(List.of("-jar", jar.toString(), "--server.port=18150", "two words"));
        assertThat(r.out().lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void environmentRaisesTheBoundsAndJavaOptsComesLast() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "");

        Run r = run(Map.of(
                "APP_JAR", jar.toString(),
                "JVM_MAX_HEAP", "512m",
                "JVM_MAX_METASPACE", "256m",
                "JVM_THREAD_STACK", "1m",
                "JVM_CODE_CACHE", "128m",
                "JAVA_OPTS", "-Dx=y -Xmx600m"));

        assertThat(r.out().lines())
                .contains("-Xmx512m", "-XX:MaxMetaspaceSize=256m", "-Xss1m", "-XX:ReservedCodeCacheSize=128m")
                .endsWith("-Dx=y", "-Xmx600m", "-jar", jar.toString());
    }

    @Test
    void nativeHeapTrimOnlyOnAJvmThatKnowsTheOption() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "");

        Run recent =
                run(Map.of("APP_JAR", jar.toString(), "JAVA", fakeJdk("17.0.15").toString()));
        Run raised =
                run(Map.of("APP_JAR", jar.toString(), "JAVA", fakeJdk("25").toString(), "JVM_NATIVE_TRIM", "20000"));
        Run off =
                run(Map.of("APP_JAR", jar.toString(), "JAVA", fakeJdk("21.0.5").toString(), "JVM_NATIVE_TRIM", "0"));
        // Older JVMs refuse to start with an option they do not know.
        Run old17 =
                run(Map.of("APP_JAR", jar.toString(), "JAVA", fakeJdk("17.0.10").toString()));
        Run old21 =
                run(Map.of("APP_JAR", jar.toString(), "JAVA", fakeJdk("21.0.2").toString()));

        assertThat(recent.out().lines()).contains("-XX:TrimNativeHeapInterval=5000");
        assertThat(raised.out().lines()).contains("-XX:TrimNativeHeapInterval=20000");
        for (Run r : List.of(off, old17, old21)) {
            assertThat(r.code()).isZero();
            assertThat(r.out().lines()).noneMatch(line -> line.startsWith("-XX:TrimNativeHeapInterval"));
        }
    }

    @Test
    void adminRunsTheAdminCliInsteadOfTheServer() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "");

        Run r = run(Map.of("APP_JAR", jar.toString()), "admin", "list", "--json");

        assertThat(r.out().lines())
                .doesNotContain("-Xmx128m")
                .endsWith("-jar", jar.toString(), "admin", "list", "--json");
    }

    @Test
    void aJarBuiltWithSpringAotStartsInAotModeUnlessTurnedOff() throws Exception {
        // What process-aot adds to the jar; the launcher looks for its name, as it stands in the jar's directory.
        Path jar = Files.writeString(
                dir.resolve("app.jar"),
                "org/llmtutor/userservice/UserServiceApplication__ApplicationContextInitializer.class");

        Run aot = run(Map.of("APP_JAR", jar.toString(), "JAVA_OPTS", "-Dx=y"));
        Run off = run(Map.of("APP_JAR", jar.toString(), "SPRING_AOT", "off"));

        List<String> expected = new ArrayList<>(DEFAULT_FLAGS);
        expected.addAll(List.of("-Dspring.aot.enabled=true", "-Dx=y", "-jar", jar.toString()));
        assertThat(aot.out().lines()).containsExactlyElementsOf(expected);
        assertThat(off.out().lines()).doesNotContain("-Dspring.aot.enabled=true");
    }

    @Test
    void missingJarIsOneLineAndExitCode1() throws Exception {
        Run r = run(Map.of("APP_JAR", dir.resolve("nowhere.jar").toString()));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: no application jar found").hasLineCount(1);
    }

    @Test
    void trainingRunRecordsTheCacheWithoutTheMetaspaceCapOrJdk25sAdapterCodeAndEveryStartUsesIt() throws Exception {
        Path jar = unpackedJar();
        Path java = fakeJdk25(false);

        Run first = run(Map.of("APP_JAR", jar.toString(), "JAVA", java.toString()), "--server.port=18151");
        Run second = run(Map.of("APP_JAR", jar.toString(), "JAVA", java.toString()), "--server.port=18151");

        List<String> training = Files.readAllLines(dir.resolve("training.log"));
        assertThat(training).hasSize(1);
        assertThat(training.get(0))
                .contains("-Xmx128m", "-XX:AOTCacheOutput=", "-Dapp.training-run=true", "-Dserver.port=0")
                .contains("-XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching")
                .doesNotContain("MaxMetaspaceSize", "--server.port")
                .endsWith("-jar " + jar);
        for (Run start : List.of(first, second)) {
            assertThat(start.code()).isZero();
            assertThat(start.out().lines())
                    .contains("-XX:MaxMetaspaceSize=160m")
                    .anyMatch(line -> line.startsWith("-XX:AOTCache=") && line.endsWith(".aot"))
                    .doesNotContain("-XX:-AOTAdapterCaching")
                    .endsWith("-jar", jar.toString(), "--server.port=18151");
        }
    }

    @Test
    void failedTrainingRunIsNotRepeatedAtEveryStart() throws Exception {
        Path jar = unpackedJar();
        Path java = fakeJdk25(true);

        Run first = run(Map.of("APP_JAR", jar.toString(), "JAVA", java.toString()));
        Run second = run(Map.of("APP_JAR", jar.toString(), "JAVA", java.toString()));

        assertThat(Files.readAllLines(dir.resolve("training.log"))).hasSize(1);
        assertThat(first.err()).contains("no class cache (training failed");
        assertThat(second.err()).isEmpty();
        for (Run start : List.of(first, second)) {
            assertThat(start.code()).isZero();
            assertThat(start.out().lines()).noneMatch(line -> line.startsWith("-XX:AOTCache"));
            assertThat(start.out().lines()).endsWith("-jar", jar.toString());
        }
    }

    @Test
    void aPackagedJarIsUnpackedOnceAndAgainWhenItChanges() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "");
        Path java = fakeExtractingJava();
        Map<String, String> env = Map.of("APP_JAR", jar.toString(), "JAVA", java.toString());
        Path layoutJar = dir.resolve("app.layout/app.jar");

        Run first = run(env);
        Run again = run(env);
        assertThat(Files.readAllLines(dir.resolve("extract.log"))).hasSize(1);
        // A rebuilt jar: only its modification time tells it from the one unpacked.
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1));
        Run rebuilt = run(env);

        assertThat(Files.readAllLines(dir.resolve("extract.log"))).hasSize(2);
        for (Run start : List.of(first, again, rebuilt)) {
            assertThat(start.code()).isZero();
            assertThat(start.out().lines()).endsWith("-jar", layoutJar.toString());
        }
    }

    /** A jar with its libraries beside it, as the image and {@code extract} lay it out: the cache is made next to it. */
    private Path unpackedJar() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.createDirectories(app.resolve("lib"));
        return Files.writeString(app.resolve("app.jar"), "");
    }

    /**
     * A stand-in JDK 25: its {@code release} file gives the version; its {@code java} logs a training run (the one
     * with {@code -XX:AOTCacheOutput}) to training.log and writes the cache, or fails it, and prints any other
     * command line.
     */
    private Path fakeJdk25(boolean trainingFails) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                for arg in "$@"; do
                    case $arg in
                    -XX:AOTCacheOutput=*)
                        echo "$*" >>"%s"
                        %s
                        echo cache >"${arg#-XX:AOTCacheOutput=}"
                        exit 0 ;;
                    esac
                done
                printf '%%s\\n' "$@"
                """.formatted(dir.resolve("training.log"), trainingFails ? "exit 1" : ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return java;
    }

    /**
     * A stand-in {@code java} that unpacks a jar as {@code -Djarmode=tools ... extract --destination D} does (the jar
     * and a lib/ folder in D), logging each extraction to extract.log, and prints any other command line.
     */
    private Path fakeExtractingJava() throws IOException {
        Path java = dir.resolve("extracting-java");
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = -Djarmode=tools ]; then
                    echo "$*" >>"%s"
                    mkdir -p "$6/lib" && : >"$6/app.jar"
                    exit 0
                fi
                printf '%%s\\n' "$@"
                """.formatted(dir.resolve("extract.log")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return java;
    }

    /** A stand-in JDK of the given version ({@code release} file) whose {@code java} prints its arguments. */
    private Path fakeJdk(String version) throws IOException {
        Path home =
                Files.createDirectories(dir.resolve("jdk-" + version + "/bin")).getParent();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return java;
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", Path.of("scripts", "serve.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path java = dir.resolve("echo-java");
        if (!Files.exists(java)) {
            Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        }
        builder.environment().put("JAVA", java.toString());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().keySet().removeIf(name -> name.startsWith("JVM_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }
}
