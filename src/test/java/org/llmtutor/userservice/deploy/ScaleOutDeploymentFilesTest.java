package org.llmtutor.userservice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.ROOT;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.SECRETS;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.composeCommand;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.flag;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.list;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.load;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.map;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.mebibytes;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.runCompose;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.serveShDefaultFlags;
import static org.llmtutor.userservice.deploy.DeploymentFilesTest.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * The files that run several instances (docs/scaling.md) say what a stop without lost requests and the connection
 * budget rely on: readiness checked on the actuator path, a grace period longer than the drain and the shutdown
 * timeout, memory that holds the JVM's bounds, and no more pods than PostgreSQL's connections allow.
 */
class ScaleOutDeploymentFilesTest {

    private static final String KUBERNETES = "deploy/kubernetes/user-service.yaml";
    /** PostgreSQL's default max_connections, less its superuser reserve (3). */
    private static final int CONNECTIONS = 100 - 3;

    @Test
    void kubernetesDeploymentProbesTheActuatorPathsAndOutlastsTheDrainAndTheShutdownTimeout() {
        Map<String, Object> deployment = kubernetes("Deployment");
        Map<String, Object> pod = map(map(deployment, "spec"), "template");
        Map<String, Object> container = container(deployment);

        assertThat(path(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        Duration stop = setting(env(container), "SHUTDOWN_DRAIN").plus(setting(env(container), "SHUTDOWN_TIMEOUT"));
        assertThat(Duration.ofSeconds(((Number) map(pod, "spec").get("terminationGracePeriodSeconds")).longValue()))
                .isGreaterThan(stop)
                .isGreaterThan(applicationDefault("SHUTDOWN_DRAIN").plus(applicationDefault("SHUTDOWN_TIMEOUT")));
        assertThat(map(map(map(deployment, "spec"), "strategy"), "rollingUpdate"))
                .containsEntry("maxUnavailable", 0);
    }

    @Test
    void kubernetesPodsGetTheMemoryThatHoldsTheJvmBounds() {
        Map<String, Object> resources = map(container(kubernetes("Deployment")), "resources");
        long limit =
                mebibytes(String.valueOf(map(resources, "limits").get("memory")).replace("Mi", "m"));

        assertThat(limit).isGreaterThanOrEqualTo(jvmBounds()).isLessThanOrEqualTo(512);
        assertThat(map(resources, "requests"))
                .containsEntry("memory", map(resources, "limits").get("memory"));
    }

    @Test
    void disruptionBudgetAndAutoscalerTargetTheDeploymentAndItsLargestScaleFitsTheConnectionBudget() {
        Map<String, Object> deployment = kubernetes("Deployment");
        Map<String, Object> labels = map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
        Map<String, Object> budget = map(kubernetes("PodDisruptionBudget"), "spec");
        Map<String, Object> autoscaler = map(kubernetes("HorizontalPodAutoscaler"), "spec");

        assertThat(labels).containsAllEntriesOf(map(map(budget, "selector"), "matchLabels"));
        assertThat(budget).containsEntry("maxUnavailable", 1);
        assertThat(map(autoscaler, "scaleTargetRef"))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", map(deployment, "metadata").get("name"));
        assertThat((Integer) autoscaler.get("minReplicas")).isGreaterThanOrEqualTo(2);
        int pool = Integer.parseInt(env(container(deployment)).get("DB_POOL_SIZE"));
        // Each pod: its pool, the token-state LISTEN and the heartbeat; one admin command: its pool and one more.
        assertThat((Integer) autoscaler.get("maxReplicas") * (pool + 2) + pool + 1)
                .isLessThanOrEqualTo(CONNECTIONS);
    }

    @Test
    void scaleComposeRunsTheInstancesBehindAProxyThatChecksReadinessAndRetriesOnlyUnmadeConnections()
            throws IOException {
        Map<String, Object> compose = load("docker-compose-scale.yml");
        Map<String, Object> proxy = service(compose, "user_service");
        Map<String, Object> instance = service(compose, "user_service_instance");
        String haproxy = Files.readString(ROOT.resolve("deploy/haproxy.cfg"));

        assertThat(list(proxy, "ports")).singleElement().asString().endsWith(":8000");
        assertThat(list(proxy, "volumes")).contains("./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        assertThat(list(map(map(proxy, "networks"), "web_ui_network"), "aliases"))
                .contains("user_service");
        assertThat(instance).doesNotContainKey("ports");
        assertThat(map(map(instance, "depends_on"), "migrate"))
                .containsEntry("condition", "service_completed_successfully");
        assertThat(haproxy)
                .contains("option httpchk GET /actuator/health/readiness")
                .contains("retry-on conn-failure")
                .contains("server-template instance 10 user_service_instance:8000")
                .doesNotContain("shutdown-sessions");

        Map<String, String> environment = new HashMap<>();
        map(instance, "environment").forEach((k, v) -> environment.put(k, composeDefault(String.valueOf(v))));
        Duration stop = setting(environment, "SHUTDOWN_DRAIN").plus(setting(environment, "SHUTDOWN_TIMEOUT"));
        assertThat(DurationStyle.detectAndParse(String.valueOf(instance.get("stop_grace_period"))))
                .isGreaterThan(stop);
        long limit = mebibytes(String.valueOf(
                map(map(map(instance, "deploy"), "resources"), "limits").get("memory")));
        assertThat(limit).isGreaterThanOrEqualTo(jvmBounds()).isLessThanOrEqualTo(512);
    }

    @Test
    void scaleComposePassesDockerComposeConfig() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(compose != null, "no docker compose client installed; the file was only parsed");
        assertThat(runCompose(compose, "docker-compose-scale.yml", SECRETS)).isZero();
    }

    /** Heap, metaspace and code cache of scripts/serve.sh at their caps, in MiB. */
    private static long jvmBounds() {
        List<String> flags = serveShDefaultFlags();
        return mebibytes(flag(flags, "-Xmx"))
                + mebibytes(flag(flags, "-XX:MaxMetaspaceSize="))
                + mebibytes(flag(flags, "-XX:ReservedCodeCacheSize="));
    }

    private static Map<String, Object> kubernetes(String kind) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(ROOT.resolve(KUBERNETES))) {
            for (Object document : new Yaml().loadAll(in)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> resource = (Map<String, Object>) document;
                documents.add(resource);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(KUBERNETES + " has no " + kind));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        return (Map<String, Object>) ((List<?>) pod.get("containers")).get(0);
    }

    private static String path(Map<String, Object> container, String probe) {
        return String.valueOf(map(map(container, probe), "httpGet").get("path"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> values = new HashMap<>();
        for (Object entry : (List<?>) container.get("env")) {
            Map<String, Object> variable = (Map<String, Object>) entry;
            if (variable.containsKey("value")) {
                values.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
            }
        }
        return values;
    }

    private static Duration setting(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null ? applicationDefault(name) : DurationStyle.detectAndParse(value);
    }

    /** The default application.yml gives a variable ({@code ${NAME:default}}). */
    private static Duration applicationDefault(String name) {
        try {
            Matcher m = Pattern.compile("\\$\\{" + name + ":([^}]+)}")
                    .matcher(Files.readString(ROOT.resolve("src/main/resources/application.yml")));
            assertThat(m.find()).as(name + " in application.yml").isTrue();
            return DurationStyle.detectAndParse(m.group(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ${NAME:-default}} as compose would fill it with NAME unset. */
    private static String composeDefault(String value) {
        Matcher m = Pattern.compile("\\$\\{\\w+:-([^}]*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }
}
