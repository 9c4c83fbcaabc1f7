package org.thyronco.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the whole suite on one machine: embedded PostgreSQL and Kafka, then the four packaged services
 * as child processes wired to them and to each other. Stops everything on SIGTERM / Ctrl-C.
 *
 * <p>Usage: {@code SuiteLauncher --root <repo> [--data-dir <dir>] [--clean] [--port <gateway port>]}.
 */
public final class SuiteLauncher {

    /** The backend services, in start order; the gateway starts last because it calls them. */
    static final List<String> BACKENDS = List.of("evidence-service", "genomics-service", "therapy-service");

    static final String GATEWAY = "gateway";

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(150);

    private final List<Process> children = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> envs = new LinkedHashMap<>();
    private final List<Instance> extraInstances = new ArrayList<>();
    private Args args;

    /** Adds an environment variable for every service (benchmarks lift the gateway's rate limit this way). */
    public SuiteLauncher withEnv(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }
    private EmbeddedInfra infra;
    private LocalIssuer issuer;

    /** Where the repository is, where data lives, whether to start clean, the gateway port. */
    public record Args(Path root, Path dataDir, boolean clean, int gatewayPort) {
        public static Args parse(String[] argv) {
            Path root = Path.of(".");
            Path dataDir = null;
            boolean clean = false;
            int port = 8080;
            for (int i = 0; i < argv.length; i++) {
                switch (argv[i]) {
                    case "--root" -> root = Path.of(argv[++i]);
                    case "--data-dir" -> dataDir = Path.of(argv[++i]);
                    case "--clean" -> clean = true;
                    case "--port" -> port = Integer.parseInt(argv[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + argv[i]
                            + " (known: --root, --data-dir, --clean, --port)");
                }
            }
            root = root.toAbsolutePath().normalize();
            if (dataDir == null) {
                dataDir = root.resolve(".thyronco-data");
            }
            return new Args(root, dataDir.toAbsolutePath().normalize(), clean, port);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        SuiteLauncher launcher = new SuiteLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "suite-shutdown"));
        try {
            launcher.run(args);
        } catch (Exception e) {
            System.err.println("[suite] failed to start: " + e.getMessage());
            System.exit(1);
        }
        // Keep the JVM (and the in-JVM Kafka broker) alive until SIGTERM / Ctrl-C.
        Thread.currentThread().join();
    }

    /** Starts infrastructure and services and waits until every service reports health UP. */
    public void run(Args args) throws Exception {
        Instant begin = Instant.now();
        System.out.println("[suite] data directory: " + args.dataDir() + (args.clean() ? " (cleaned)" : ""));
        infra = EmbeddedInfra.start(new EmbeddedInfra.Options(args.dataDir(), args.clean(),
                List.of("evidence", "genomics", "therapy", "gateway")));
        System.out.println("[suite] PostgreSQL on port " + infra.postgresPort() + ", Kafka on "
                + infra.kafkaBootstrapServers());
        Path logs = Files.createDirectories(args.dataDir().resolve("logs"));
        issuer = LocalIssuer.in(args.dataDir().resolve("jwt"));

        ports.clear();
        for (String svc : BACKENDS) {
            ports.put(svc, EmbeddedInfra.freePort());
        }
        ports.put(GATEWAY, args.gatewayPort());
        this.args = args;
        for (String svc : ports.keySet()) {
            Map<String, String> env = serviceEnv(svc, ports);
            envs.put(svc, env);
            children.add(startService(args.root(), svc, env, logs.resolve(svc + ".log")));
        }
        for (var e : ports.entrySet()) {
            awaitHealthy(e.getKey(), e.getValue(), logs.resolve(e.getKey() + ".log"));
        }
        long secs = Duration.between(begin, Instant.now()).toSeconds();
        String gw = "http://localhost:" + args.gatewayPort();
        System.out.println("[suite] all services UP in " + secs + " s");
        System.out.println("[suite] gateway:    " + gw);
        System.out.println("[suite] Swagger UI: " + gw + "/q/swagger-ui");
        System.out.println("[suite] OpenAPI:    " + gw + "/q/openapi");
        System.out.println("[suite] mint a token: ./run.sh token <subject> <lab|clinician|curator|admin> [lab-id]");
        System.out.println("[suite] logs in " + logs + "; press Ctrl-C to stop");
    }

    /** The running infrastructure (tests stop and restart Kafka through it). */
    public EmbeddedInfra infra() {
        return infra;
    }

    /** The local JWT issuer the gateway trusts. */
    public LocalIssuer issuer() {
        return issuer;
    }

    /** HTTP port of a running service by module name. */
    public int port(String service) {
        return ports.get(service);
    }

    /** The process of a running service (fault tests kill and restart them). */
    public Process process(String service) {
        return children.get(List.copyOf(ports.keySet()).indexOf(service));
    }

    /** Kills a service without warning (SIGKILL), as a crashed pod would die. */
    public synchronized void kill(String service) throws InterruptedException {
        process(service).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts a service again with the same port and settings, and waits until it reports UP. */
    public synchronized void restart(String service) throws Exception {
        Path log = args.dataDir().resolve("logs").resolve(service + ".log");
        Process p = startService(args.root(), service, envs.get(service), log);
        children.set(List.copyOf(ports.keySet()).indexOf(service), p);
        awaitHealthy(service, ports.get(service), log);
    }

    private Map<String, String> serviceEnv(String svc, Map<String, Integer> ports) {
        String db = svc.replace("-service", "");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(svc)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(db));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl(db));
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedInfra.PG_USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedInfra.PG_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("THYRONCO_JWT_PUBLIC_KEY", issuer.publicKey().toUri().toString());
        env.putAll(extraEnv);
        for (String backend : BACKENDS) {
            String key = backend.replace("-service", "").toUpperCase();
            env.put("THYRONCO_" + key + "_URL", "http://localhost:" + ports.get(backend));
        }
        return env;
    }

    private static Process startService(Path root, String svc, Map<String, String> env, Path log)
            throws IOException {
        Path jar = root.resolve(svc).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build first: ./mvnw package -DskipTests");
        }
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        System.out.println("[suite] starting " + svc + " on port " + env.get("QUARKUS_HTTP_PORT"));
        return pb.start();
    }

    /** An extra instance of a service started beside the suite's own (scale-out tests). */
    public record Instance(String service, int port, Process process) {
        /** Stops the instance the way Kubernetes would (SIGTERM), waiting for it to exit. */
        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Starts one more instance of a backend service on a free port, sharing its database and Kafka
     * consumer group with the first one, and waits until it reports UP. {@link #stop()} stops it too.
     */
    public synchronized Instance startInstance(String service) throws Exception {
        int port = EmbeddedInfra.freePort();
        Map<String, String> env = new LinkedHashMap<>(envs.get(service));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        int n = extraInstances.size() + 2;
        Path log = args.dataDir().resolve("logs").resolve(service + "-" + n + ".log");
        Process p = startService(args.root(), service, env, log);
        Instance instance = new Instance(service, port, p);
        extraInstances.add(instance);
        awaitHealthy(service + " #" + n, port, log);
        return instance;
    }

    private void awaitHealthy(String svc, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://localhost:" + port + "/q/health");
        Instant deadline = Instant.now().plus(HEALTH_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (Process p : children) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a service exited early (exit " + p.exitValue()
                            + "); see the logs in " + log.getParent());
                }
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    System.out.println("[suite] " + svc + " is UP");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(svc + " did not report health UP within " + HEALTH_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    /** Stops the services (SIGTERM, then SIGKILL after 20 s), Kafka and PostgreSQL. */
    public synchronized void stop() {
        for (Instance extra : extraInstances) {
            children.add(extra.process());
        }
        extraInstances.clear();
        for (Process p : children) {
            p.destroy();
        }
        for (Process p : children) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        children.clear();
        if (infra != null) {
            try {
                infra.close();
            } catch (UncheckedIOException | IllegalStateException e) {
                System.err.println("[suite] while stopping infrastructure: " + e.getMessage());
            }
            infra = null;
            System.out.println("[suite] stopped");
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
