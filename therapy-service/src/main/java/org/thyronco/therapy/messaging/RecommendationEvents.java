package org.thyronco.therapy.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.thyronco.therapy.repository.OutboxEventEntity;

/** Writes RecommendationsIssued / RecommendationsChanged into the outbox, in the storing transaction. */
@ApplicationScoped
public class RecommendationEvents {

    /** The envelope every event travels in (docs/events.md). */
    public record Envelope(UUID id, String type, int version, String occurredAt, Object payload) {}

    /** A therapy as the events summarize it. */
    public record Ranked(String therapyId, String level, int rank) {}

    /** Payload of RecommendationsIssued: a new set for a new profile version. */
    public record Issued(String caseId, UUID profileId, int profileVersion, UUID setId, String release,
            List<Ranked> recommendations) {}

    /** Payload of RecommendationsChanged: a new knowledge release changed what this case is offered. */
    public record Changed(String caseId, UUID profileId, int profileVersion, UUID setId, String previousRelease,
            String release, List<Ranked> added, List<Ranked> removed, List<Ranked> levelChanged) {}

    @Inject
    ObjectMapper json;

    public Uni<Void> issued(Issued payload) {
        return write(payload.caseId(), "RecommendationsIssued", payload);
    }

    public Uni<Void> changed(Changed payload) {
        return write(payload.caseId(), "RecommendationsChanged", payload);
    }

    private Uni<Void> write(String key, String type, Object payload) {
        OutboxEventEntity e = new OutboxEventEntity();
        e.id = UUID.randomUUID();
        e.topic = Topics.RECOMMENDATIONS;
        e.eventKey = key;
        e.eventType = type;
        e.createdAt = OffsetDateTime.now();
        try {
            e.payload = json.writeValueAsString(new Envelope(e.id, type, 1, e.createdAt.toString(), payload));
        } catch (JsonProcessingException ex) {
            return Uni.createFrom().failure(ex);
        }
        return e.persist().replaceWithVoid();
    }

    static Map<String, String> headers(OutboxEventEntity e) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("event-id", e.id.toString());
        h.put("event-type", e.eventType);
        return h;
    }
}
