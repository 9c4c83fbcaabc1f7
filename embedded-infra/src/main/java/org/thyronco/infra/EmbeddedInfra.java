package org.thyronco.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (zonky binaries, PostgreSQL 17) and a real single-node Kafka broker (KRaft,
 * in this JVM), started together on free ports. Used by every service's tests and by the local launcher.
 */
public final class EmbeddedInfra implements AutoCloseable {

    /** PostgreSQL superuser zonky creates; only ever reachable on loopback. */
    public static final String PG_USER = "postgres";

    public static final String PG_PASSWORD = "postgres";

    private static final String CLUSTER_ID = "thyronco-embedded-0001";

    private final Path root;
    private final boolean deleteOnClose;
    private final int postgresPort;
    private EmbeddedPostgres postgres;
    private final int kafkaPort;
    private final int controllerPort;
    private EmbeddedKafkaBroker kafka;

    /**
     * How to start.
     *
     * @param dataDir where PostgreSQL and Kafka keep their data; {@code null} means a fresh temporary
     *     directory that is deleted on close
     * @param clean wipe {@code dataDir} first
     * @param databases databases to create if they do not exist yet
     */
    public record Options(Path dataDir, boolean clean, List<String> databases) {
        public static Options temporary(String... databases) {
            return new Options(null, true, List.of(databases));
        }
    }

    private EmbeddedInfra(Path root, boolean deleteOnClose, int postgresPort, int kafkaPort, int controllerPort) {
        this.root = root;
        this.deleteOnClose = deleteOnClose;
        this.postgresPort = postgresPort;
        this.kafkaPort = kafkaPort;
        this.controllerPort = controllerPort;
    }

    public static EmbeddedInfra start(Options options) {
        try {
            boolean temporary = options.dataDir() == null;
            Path root = temporary ? Files.createTempDirectory("thyronco-infra-") : options.dataDir();
            if (options.clean() && !temporary) {
                deleteRecursively(root);
            }
            Files.createDirectories(root);
            EmbeddedInfra infra = new EmbeddedInfra(root, temporary, freePort(), freePort(), freePort());
            infra.startPostgres();
            infra.createDatabases(options.databases());
            infra.startKafka();
            return infra;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts (or restarts, on the same port and data directory) PostgreSQL. zonky would delete a "clean"
     * data directory on close, which would make a restart impossible, so it never cleans; a temporary
     * root is deleted by {@link #close()} instead.
     */
    public synchronized void startPostgres() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(root.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setPort(postgresPort)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops PostgreSQL (fast shutdown) but keeps its data, so {@link #startPostgres()} can bring it back. */
    public synchronized void stopPostgres() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    /** Starts (or restarts, on the same port and log directory) the Kafka broker. */
    public synchronized void startKafka() {
        if (kafka != null && kafka.isRunning()) {
            return;
        }
        String logDir = root.resolve("kafka").toString();
        kafka = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withClusterId(CLUSTER_ID)
                .withKafkaHost("localhost")
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", logDir);
                    p.put("auto.create.topics.enable", "true");
                    p.put("num.partitions", "3");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.replication.factor", "1");
                    p.put("transaction.state.log.replication.factor", "1");
                    p.put("transaction.state.log.min.isr", "1");
                })
                .start();
    }

    /** Stops the broker but keeps its data, so {@link #startKafka()} can bring it back (fault tests). */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + postgresPort + "/" + database;
    }

    public Path dataDir() {
        return root;
    }

    private void createDatabases(List<String> databases) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), PG_USER, PG_PASSWORD)) {
            for (String db : databases) {
                if (!db.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("database name must be a plain identifier: " + db);
                }
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?");
                exists.setString(1, db);
                if (!exists.executeQuery().next()) {
                    c.createStatement().execute("create database " + db);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + databases, e);
        }
    }

    @Override
    public synchronized void close() {
        stopKafka();
        try {
            stopPostgres();
        } finally {
            if (deleteOnClose) {
                deleteRecursively(root);
            }
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
