package org.thyronco.evidence.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure the compacted knowledge topic exists with one partition (consumers rely on its order). In
 * Kubernetes the Strimzi KafkaTopic declares the same settings; creating an existing topic is a no-op.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000))) {
            NewTopic items = new NewTopic(Topics.ITEMS, 1, (short) -1)
                    .configs(Map.of("cleanup.policy", "compact"));
            NewTopic releases = new NewTopic(Topics.RELEASES, 1, (short) -1);
            for (NewTopic topic : List.of(items, releases)) {
                try {
                    admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create topic %s: %s", topic.name(), e.getCause().getMessage());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("topic provisioning skipped: %s", e.getMessage());
        }
    }
}
