package org.thyronco.therapy.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.thyronco.therapy.service.RecommendationService;

/**
 * Consumes ProfileSubmitted / ProfileAmended. Each event is applied once (processed_event), inside an
 * explicit transaction: a Kafka consumer thread has no request-scoped session, so {@code @WithTransaction}
 * on the handler would not open one (the Vert.x-context pitfall, quarkus#34291).
 */
@ApplicationScoped
public class ProfileConsumer {

    private static final Logger LOG = Logger.getLogger(ProfileConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    RecommendationService recommendations;

    @Inject
    OutboxRelay relay;

    @Incoming("profile-events")
    public Uni<Void> consume(String value) {
        JsonNode event = parse(value);
        UUID eventId = UUID.fromString(event.path("id").asText());
        String type = event.path("type").asText();
        if (!"ProfileSubmitted".equals(type) && !"ProfileAmended".equals(type)) {
            throw new IllegalArgumentException("unexpected event type '" + type + "' on " + Topics.PROFILES);
        }
        return TransientFailures.retried("applying " + type + " " + eventId,
                Panache.withTransaction(() -> recommendations.onProfile(eventId, event.path("payload"))))
                .invoke(() -> LOG.debugf("applied %s %s", type, eventId))
                .invoke(relay::kick);
    }

    /** Poison payloads fail here and go to the dead-letter topic with the reason. */
    private JsonNode parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("empty profile event");
        }
        try {
            JsonNode node = json.readTree(value);
            if (!node.hasNonNull("id") || !node.hasNonNull("payload")) {
                throw new IllegalArgumentException("profile event lacks id or payload");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("profile event is not JSON: " + e.getMessage(), e);
        }
    }
}
