package org.thyronco.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: one real PostgreSQL and one real Kafka broker per test run, on free ports and
 * in a fresh temporary directory. Inject the running {@link EmbeddedInfra} with {@link InjectInfra} to
 * stop and restart the broker in fault tests.
 *
 * <p>Init arg {@code database} names the service's database (default {@code app}).
 */
public class EmbeddedInfraResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedInfra infra;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        infra = EmbeddedInfra.start(EmbeddedInfra.Options.temporary(database));
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                "quarkus.datasource.reactive.url", infra.reactiveUrl(database),
                "quarkus.datasource.username", EmbeddedInfra.PG_USER,
                "quarkus.datasource.password", EmbeddedInfra.PG_PASSWORD,
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(infra,
                new TestInjector.AnnotatedAndMatchesType(InjectInfra.class, EmbeddedInfra.class));
    }

    @Override
    public void stop() {
        if (infra != null) {
            infra.close();
        }
    }
}
