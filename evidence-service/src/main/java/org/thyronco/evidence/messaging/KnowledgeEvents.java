package org.thyronco.evidence.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.thyronco.evidence.knowledge.Knowledge;
import org.thyronco.evidence.knowledge.ReleaseDiff;
import org.thyronco.evidence.mapping.KnowledgeMapper;
import org.thyronco.evidence.repository.OutboxEventEntity;

/** Writes a release's events into the outbox, inside the transaction that stores the release. */
@ApplicationScoped
public class KnowledgeEvents {

    /** The envelope every event travels in (docs/events.md). */
    public record Envelope(UUID id, String type, int version, String occurredAt, Object payload) {}

    public record KnowledgeReleased(String release, ReleaseDiff diff, int items, int sources, int therapies) {}

    public record ContentUpserted(String release, String kind, Object body) {}

    public record ReleaseMarker(String release, ReleaseDiff diff, List<String> items) {}

    @Inject
    KnowledgeMapper mapper;

    public Uni<Void> released(String version, ReleaseDiff diff, Knowledge.Bundle bundle) {
        List<OutboxEventEntity> rows = new ArrayList<>();
        bundle.sources().forEach(s -> rows.add(row(Topics.ITEMS, "source:" + s.id(), "KnowledgeContentUpserted",
                new ContentUpserted(version, "source", s))));
        bundle.therapies().forEach(t -> rows.add(row(Topics.ITEMS, "therapy:" + t.id(), "KnowledgeContentUpserted",
                new ContentUpserted(version, "therapy", t))));
        bundle.items().forEach(i -> rows.add(row(Topics.ITEMS, "item:" + i.id(), "KnowledgeContentUpserted",
                new ContentUpserted(version, "item", i))));
        diff.retired().forEach(id -> rows.add(row(Topics.ITEMS, "item:" + id, "KnowledgeContentRetired", null)));
        rows.add(row(Topics.ITEMS, "release:current", "KnowledgeReleaseCompleted", new ReleaseMarker(version, diff,
                bundle.items().stream().map(Knowledge.EvidenceItem::id).toList())));
        rows.add(row(Topics.RELEASES, version, "KnowledgeReleased", new KnowledgeReleased(version, diff,
                bundle.items().size(), bundle.sources().size(), bundle.therapies().size())));
        // created_at orders the relay; give each row a distinct, increasing timestamp.
        OffsetDateTime t = OffsetDateTime.now();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).createdAt = t.plusNanos(i * 1000L);
        }
        return PanacheEntityBase.persist(rows);
    }

    private OutboxEventEntity row(String topic, String key, String type, Object payload) {
        OutboxEventEntity e = new OutboxEventEntity();
        e.id = UUID.randomUUID();
        e.topic = topic;
        e.eventKey = key;
        e.eventType = type;
        e.payload = payload == null ? null
                : mapper.json(new Envelope(e.id, type, 1, OffsetDateTime.now().toString(), payload));
        return e;
    }

    static Map<String, String> headers(OutboxEventEntity e) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("event-id", e.id.toString());
        h.put("event-type", e.eventType);
        return h;
    }
}
