package org.thyronco.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders every overlay and checks it against what the services really serve and need. */
class ManifestsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path OVERLAYS = ROOT.resolve("deploy/kubernetes/overlays");
    static final List<String> SERVICES = List.of("genomics-service", "evidence-service", "therapy-service", "gateway");
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    static List<HasMetadata> typed(String overlay) throws IOException {
        return Kustomize.render(OVERLAYS.resolve(overlay)).stream()
                .map(o -> (HasMetadata) Serialization.unmarshal(o.toString())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyManifestParsesIntoAKubernetesObject(String overlay) throws IOException {
        List<ObjectNode> raw = Kustomize.render(OVERLAYS.resolve(overlay));
        assertThat(raw).isNotEmpty();
        for (ObjectNode o : raw) {
            assertThat(o.path("apiVersion").asText()).as(o.toString()).isNotBlank();
            assertThat(o.path("kind").asText()).isNotBlank();
            assertThat(o.path("metadata").path("name").asText()).isNotBlank();
            HasMetadata parsed = Serialization.unmarshal(o.toString());
            assertThat(parsed.getMetadata().getName()).isEqualTo(o.path("metadata").path("name").asText());
        }
        assertThat(typed(overlay)).filteredOn(Deployment.class::isInstance).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesUseTheHealthPathsAndPortTheServicesServe(String overlay) throws IOException {
        for (String service : SERVICES) {
            Properties props = properties(service);
            // Quarkus serves health under /q/health unless a service moves it; none may.
            assertThat(props.getProperty("quarkus.smallrye-health.root-path")).isNull();
            assertThat(props.getProperty("quarkus.http.non-application-root-path")).isNull();
        }
        for (Deployment d : deployments(overlay)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getPorts()).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(8080);
            });
            for (Probe probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
                assertThat(probe).as(d.getMetadata().getName()).isNotNull();
                assertThat(HEALTH_PATHS).contains(probe.getHttpGet().getPath());
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
            }
            assertThat(env(overlay, d)).containsEntry("QUARKUS_HTTP_PORT", "8080");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRequiredSettingIsProvided(String overlay) throws IOException {
        for (Deployment d : deployments(overlay)) {
            Map<String, String> env = env(overlay, d);
            assertThat(env).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                    "KAFKA_SASL_JAAS_CONFIG");
            if (d.getMetadata().getName().equals("gateway")) {
                assertThat(env).containsKeys("THYRONCO_GENOMICS_URL", "THYRONCO_EVIDENCE_URL", "THYRONCO_THERAPY_URL",
                        "THYRONCO_JWT_PUBLIC_KEY");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theTopicsMatchWhatTheServicesReadAndWrite(String overlay) throws IOException {
        Set<String> declared = Kustomize.render(OVERLAYS.resolve(overlay)).stream()
                .filter(o -> o.path("kind").asText().equals("KafkaTopic"))
                .map(o -> o.path("metadata").path("name").asText()).collect(Collectors.toSet());
        Set<String> used = new HashSet<>();
        for (String service : SERVICES) {
            properties(service).forEach((k, v) -> {
                if (k.toString().startsWith("mp.messaging.") && (k.toString().endsWith(".topic"))) {
                    used.add(v.toString());
                }
            });
            used.addAll(topicConstants(service));
        }
        assertThat(used).isNotEmpty();
        assertThat(declared).containsAll(used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesArePinnedAndNothingRunsAsRoot(String overlay) throws IOException {
        for (Deployment d : deployments(overlay)) {
            var pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isNotZero();
            for (Container c : pod.getContainers()) {
                assertThat(c.getImage()).matches(".+(:[0-9][A-Za-z0-9._-]*|@sha256:[0-9a-f]{64})")
                        .doesNotEndWith(":latest");
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretIsCommittedInPlainText(String overlay) throws IOException {
        assertThat(Kustomize.render(OVERLAYS.resolve(overlay))).noneMatch(o -> o.path("kind").asText().equals("Secret"));
        for (Deployment d : deployments(overlay)) {
            for (EnvVar e : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (e.getName().contains("PASSWORD") || e.getName().contains("JAAS")) {
                    assertThat(e.getValue()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull();
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void prodRunsTwoReplicasWithAutoscalingAndDisruptionBudgets() throws IOException {
        List<HasMetadata> prod = typed("prod");
        assertThat(prod).filteredOn(Deployment.class::isInstance).map(Deployment.class::cast)
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isGreaterThanOrEqualTo(2))
                .allSatisfy(d -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources()
                        .getLimits()).containsKeys("cpu", "memory"));
        assertThat(prod).filteredOn(HorizontalPodAutoscaler.class::isInstance).hasSize(4);
        assertThat(prod).filteredOn(PodDisruptionBudget.class::isInstance).hasSize(4);
        assertThat(typed("dev")).filteredOn(Deployment.class::isInstance).map(Deployment.class::cast)
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubectlRendersTheSameWhereItIsInstalled(String overlay) throws Exception {
        Path kubectl = Stream.of(System.getenv("PATH").split(":")).map(p -> Path.of(p, "kubectl"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (kubectl == null) {
            return; // the JVM rendering above is the check on a JDK-only machine
        }
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", OVERLAYS.resolve(overlay).toString())
                .redirectErrorStream(true).start();
        Path out = Files.createTempFile("kustomize", ".yaml");
        Files.write(out, p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        Set<String> real = Kustomize.readAll(out).stream().map(ManifestsTest::identity).collect(Collectors.toSet());
        Set<String> ours = Kustomize.render(OVERLAYS.resolve(overlay)).stream().map(ManifestsTest::identity)
                .collect(Collectors.toSet());
        assertThat(ours).isEqualTo(real);
    }

    private static String identity(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("namespace").asText() + "/"
                + o.path("metadata").path("name").asText() + "/replicas=" + o.path("spec").path("replicas").asText();
    }

    static List<Deployment> deployments(String overlay) throws IOException {
        return typed(overlay).stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    }

    static Map<String, String> env(String overlay, Deployment d) throws IOException {
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new java.util.HashMap<>();
        for (var from : c.getEnvFrom()) {
            ConfigMap cm = typed(overlay).stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                    .filter(m -> m.getMetadata().getName().equals(from.getConfigMapRef().getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("missing ConfigMap " + from.getConfigMapRef().getName()));
            env.putAll(cm.getData());
        }
        for (EnvVar e : c.getEnv()) {
            env.put(e.getName(), e.getValue() != null ? e.getValue() : "<from secret>");
        }
        return env;
    }

    static Properties properties(String service) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    /** Topic names the service's code declares as constants in its messaging/Topics.java. */
    static Set<String> topicConstants(String service) throws IOException {
        Set<String> topics = new HashSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("Topics.java")).toList()) {
                Matcher m = Pattern.compile("String \\w+ = \"([^\"]+)\"").matcher(Files.readString(f));
                while (m.find()) {
                    topics.add(m.group(1));
                }
            }
        }
        return topics;
    }
}
