package org.llmtutor.userservice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files say what the platform relies on: the port mapping, the external volume, the networks and the
 * alias other containers use, and no weak fallback for production secrets. The files are parsed, and checked with
 * `docker compose config` where a Docker client with compose is installed (no engine is needed for that).
 */
class DeploymentFilesTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Map<String, String> SECRETS = Map.of(
            "POSTGRES_PASSWORD", "pw",
            "SECRET_KEY", "k".repeat(32),
            "ADMIN_USERNAME", "admin",
            "ADMIN_PASSWORD", "admin password");

    @Test
    void devComposeBuildsLocallyAndPublishesPort8010OnTheSharedNetworkAndVolume() {
        Map<String, Object> compose = load("docker-compose-dev.yml");
        Map<String, Object> service = service(compose, "user_service");

        assertThat(service).containsKey("build");
        assertThat(list(service, "ports")).containsExactly("127.0.0.1:8010:8000");
        assertServiceNetworks(service);
        assertPostgresOnExternalVolume(compose);
    }

    @Test
    void devComposeConfinesTheLegacySwitchToTheContainersOfTheDocumentedWebUiSubnet() throws IOException {
        Map<String, Object> environment = map(service(load("docker-compose-dev.yml"), "user_service"), "environment");

        assertThat(String.valueOf(environment.get("LEGACY_UNAUTHENTICATED_ACCESS")))
                .isEqualTo("${LEGACY_UNAUTHENTICATED_ACCESS:-true}");
        assertThat(String.valueOf(environment.get("LEGACY_TRUSTED_NETWORKS")))
                .isEqualTo("${LEGACY_TRUSTED_NETWORKS:-172.28.1.0/24}");
        // The network is external (shared with the Web UI's project), so its subnet is fixed where it is created.
        assertThat(Files.readString(ROOT.resolve("docker-compose-dev.yml")))
                .contains("docker network create --subnet 172.28.0.0/16 --ip-range 172.28.1.0/24 --gateway 172.28.0.1"
                        + " web_ui_network");
    }

    @Test
    void prodComposeRunsThePublishedImageWithRequiredSecretsAndAnUnpublishedDatabase() {
        Map<String, Object> compose = load("docker-compose-prod.yml");
        Map<String, Object> service = service(compose, "user_service");
        Map<String, Object> postgres = service(compose, "user_postgres");

        assertThat(service).containsKey("image").doesNotContainKey("build");
        assertThat(service).containsEntry("restart", "unless-stopped");
        assertThat(postgres).containsEntry("restart", "unless-stopped");
        assertThat(list(service, "ports"))
                .singleElement()
                .asString()
                .startsWith("${USER_SERVICE_BIND:-127.0.0.1}:")
                .endsWith(":8000");
        Map<String, Object> environment = map(service, "environment");
        assertThat(String.valueOf(environment.get("SECRET_KEY"))).startsWith("${SECRET_KEY:?");
        assertThat(String.valueOf(environment.get("POSTGRES_PASSWORD"))).startsWith("${POSTGRES_PASSWORD:?");
        assertThat(postgres).doesNotContainKey("ports");
        assertServiceNetworks(service);
        assertPostgresOnExternalVolume(compose);
    }

    @Test
    void bootstrapComposeMigratesThenCreatesTheFirstUserOnlyAfterMigrationSucceeded() {
        Map<String, Object> compose = load("docker-compose-bootstrap.yml");
        Map<String, Object> migrate = service(compose, "migrate");
        Map<String, Object> firstUser = service(compose, "first_user");

        assertThat(list(migrate, "command")).containsExactly("admin", "migrate");
        assertThat(map(map(migrate, "depends_on"), "user_postgres")).containsEntry("condition", "service_healthy");
        assertThat(map(map(firstUser, "depends_on"), "migrate"))
                .containsEntry("condition", "service_completed_successfully");
        String entrypoint = String.join(" ", list(firstUser, "entrypoint"));
        // The password travels on stdin, never as an argument a process list would show.
        assertThat(entrypoint).contains("admin register --password-stdin");
        assertThat(entrypoint.substring(entrypoint.indexOf("admin register"))).doesNotContain("ADMIN_PASSWORD");
        assertPostgresOnExternalVolume(compose);
    }

    @Test
    void dockerfileBuildsTheJarInABuildStageAndRunsItLayeredAsNonRootWithAHealthcheck() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).hasSize(2);
        assertThat(dockerfile)
                .contains("./mvnw")
                .contains("-Djarmode=tools")
                .contains("--layers")
                .contains("EXPOSE 8000")
                .contains("HEALTHCHECK")
                .containsPattern("(?m)^USER (?!root)\\w+");
        String dockerignore = Files.readString(ROOT.resolve(".dockerignore"));
        assertThat(dockerignore.lines()).contains(".env", "data/", ".git");
    }

    @Test
    void imageRunsOnJdk25FromTheAotCacheOfATrainingRunWithTheLaunchersFlags() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        int training = indexOf(lines, "RUN .*scripts/serve\\.sh --prepare.*");
        int user = indexOf(lines, "USER .*");

        assertThat(froms.get(1)).startsWith("FROM eclipse-temurin:25-");
        // Built at image build time, while /app is still writable, by the same launcher that starts the container.
        assertThat(training).isNotNegative().isLessThan(user);
        assertThat(lines).contains("ENTRYPOINT [\"/app/scripts/serve.sh\"]");
        assertThat(String.join("\n", lines)).doesNotContain("MaxRAMPercentage");
    }

    @Test
    void dockerfileBuildsWithWhatAnEngineHasWithoutARegistry() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));

        // A syntax line makes BuildKit fetch its frontend image; the classic builder refuses COPY --chmod.
        assertThat(lines).noneMatch(line -> line.matches("#\\s*syntax\\s*=.*"));
        assertThat(lines).noneMatch(line -> line.startsWith("COPY") && line.contains("--chmod"));
    }

    @Test
    void springBootRunUsesTheLaunchersJvmFlags() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher property =
                Pattern.compile("<spring-boot.run.jvmArguments>([^<]*)<").matcher(pom);
        assertThat(property.find()).isTrue();

        assertThat(List.of(property.group(1).trim().split("\\s+"))).isEqualTo(serveShDefaultFlags());
    }

    @Test
    void serviceContainersHaveAMemoryLimitThatHoldsTheJvmBounds() {
        List<String> flags = serveShDefaultFlags();
        long heap = mebibytes(flag(flags, "-Xmx"));
        long metaspace = mebibytes(flag(flags, "-XX:MaxMetaspaceSize="));
        long codeCache = mebibytes(flag(flags, "-XX:ReservedCodeCacheSize="));

        for (String file : List.of("docker-compose-dev.yml", "docker-compose-prod.yml")) {
            Map<String, Object> limits =
                    map(map(map(service(load(file), "user_service"), "deploy"), "resources"), "limits");
            long limit = mebibytes(String.valueOf(limits.get("memory")));
            // Heap, metaspace and code cache at their caps, plus room for threads, GC and the class cache; but not
            // more than a small service needs.
            assertThat(limit)
                    .as(file)
                    .isGreaterThanOrEqualTo(heap + metaspace + codeCache)
                    .isLessThanOrEqualTo(512);
        }
    }

    @Test
    void composeFilesPassDockerComposeConfig() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(compose != null, "no docker compose client installed; the files were only parsed");
        for (String file :
                List.of("docker-compose-dev.yml", "docker-compose-prod.yml", "docker-compose-bootstrap.yml")) {
            assertThat(runCompose(compose, file, SECRETS)).as(file).isZero();
        }
        assertThat(runCompose(compose, "docker-compose-prod.yml", Map.of()))
                .as("prod without secrets must refuse")
                .isNotZero();
    }

    /** The JVM flags scripts/serve.sh starts the server with when no JVM_* variable is set. */
    static List<String> serveShDefaultFlags() {
        String script;
        try {
            script = Files.readString(ROOT.resolve("scripts/serve.sh"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Matcher block = Pattern.compile("(?s)\\njvm_flags=\\((.*?)\\n\\)").matcher(script);
        assertThat(block.find()).as("jvm_flags in serve.sh").isTrue();
        return block.group(1)
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty())
                .map(l -> l.replace("\"", "").replaceAll("\\$\\{\\w+:-([^}]*)}", "$1"))
                .toList();
    }

    static String flag(List<String> flags, String prefix) {
        return flags.stream()
                .filter(f -> f.startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .substring(prefix.length());
    }

    /** 128m, 384M, 1g, 512k as whole mebibytes. */
    static long mebibytes(String size) {
        Matcher m = Pattern.compile("(?i)(\\d+)([kmg]?)b?").matcher(size.trim());
        assertThat(m.matches()).as(size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "g" -> n * 1024;
            case "m" -> n;
            case "k" -> n / 1024;
            default -> n / (1024 * 1024);
        };
    }

    private static int indexOf(List<String> lines, String regex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }

    private static void assertServiceNetworks(Map<String, Object> service) {
        Map<String, Object> networks = map(service, "networks");
        assertThat(networks).containsKeys("web_ui_network", "user_service_network");
        assertThat(list(map(networks, "web_ui_network"), "aliases")).contains("user_service", "user-service");
    }

    private static void assertPostgresOnExternalVolume(Map<String, Object> compose) {
        assertThat(list(service(compose, "user_postgres"), "volumes"))
                .contains("user_postgres_data:/var/lib/postgresql/data");
        // Over TCP: the image's first-time set-up serves the socket alone from a temporary server.
        assertThat(list(map(service(compose, "user_postgres"), "healthcheck"), "test")
                        .toString())
                .contains("pg_isready -h 127.0.0.1");
        assertThat(map(map(compose, "volumes"), "user_postgres_data")).containsEntry("external", true);
    }

    static Map<String, Object> load(String file) {
        try (InputStream in = Files.newInputStream(ROOT.resolve(file))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> service(Map<String, Object> compose, String name) {
        return map(map(compose, "services"), name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<String>) value;
    }

    /** `docker compose` (v2 plugin) or `docker-compose` (v1), whichever answers; null when neither does. */
    static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                if (run(version, Map.of()) == 0) {
                    return candidate;
                }
            } catch (IOException notInstalled) {
                // try the next one
            }
        }
        return null;
    }

    static int runCompose(List<String> compose, String file, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", file, "config", "-q"));
        return run(command, env);
    }

    private static int run(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(SECRETS::containsKey);
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
