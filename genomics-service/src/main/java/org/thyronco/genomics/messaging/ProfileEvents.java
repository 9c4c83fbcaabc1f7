package org.thyronco.genomics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.thyronco.genomics.domain.CaseContext;
import org.thyronco.genomics.repository.OutboxEventEntity;
import org.thyronco.genomics.service.StoredFinding;

/** ProfileSubmitted / ProfileAmended, as outbox rows written in the transaction that stores the profile. */
@ApplicationScoped
public class ProfileEvents {

    /** The envelope every event travels in (docs/events.md). */
    public record Envelope(UUID id, String type, int version, String occurredAt, Object payload) {}

    /**
     * Payload of ProfileSubmitted (version 1) and ProfileAmended (version > 1). Pseudonymous ids only.
     * {@code findings} are the matchable ones; {@code findingCount} counts all stored findings.
     */
    public record ProfileEvent(String caseId, UUID profileId, int profileVersion, String labId,
            CaseContext.Context context, List<StoredFinding> findings, int findingCount) {}

    @Inject
    ObjectMapper json;

    /** The outbox row announcing a stored profile; written in the transaction that stores it. */
    public OutboxEventEntity profileStored(ProfileEvent event) {
        OutboxEventEntity e = new OutboxEventEntity();
        e.id = UUID.randomUUID();
        e.topic = Topics.PROFILES;
        e.eventKey = event.caseId();
        e.eventType = event.profileVersion() == 1 ? "ProfileSubmitted" : "ProfileAmended";
        e.createdAt = OffsetDateTime.now();
        try {
            e.payload = json.writeValueAsString(new Envelope(e.id, e.eventType, 1, e.createdAt.toString(), event));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event payload does not serialize", ex);
        }
        return e;
    }

    static Map<String, String> headers(OutboxEventEntity e) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("event-id", e.id.toString());
        h.put("event-type", e.eventType);
        return h;
    }
}
