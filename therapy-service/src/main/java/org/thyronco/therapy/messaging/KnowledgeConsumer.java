package org.thyronco.therapy.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.thyronco.therapy.engine.KnowledgeIndex;
import org.thyronco.therapy.service.KnowledgeStore;
import org.thyronco.therapy.service.RecommendationService;

/**
 * Builds this service's own copy of the knowledge from the compacted, single-partition knowledge topic.
 * Content records are upserted; the {@code release:current} marker, written after a release's content,
 * switches the matching index to that release and re-ranks the stored profiles.
 */
@ApplicationScoped
public class KnowledgeConsumer {

    @Inject
    ObjectMapper json;

    @Inject
    KnowledgeStore store;

    @Inject
    RecommendationService recommendations;

    @Incoming("knowledge-items")
    public Uni<Void> consume(Record<String, String> record) {
        String key = record.key();
        if (key == null) {
            throw new IllegalArgumentException("knowledge record without a key");
        }
        if (record.value() == null) {
            return TransientFailures.retried("removing " + key, Panache.withTransaction(() -> store.remove(key)));
        }
        JsonNode event;
        try {
            event = json.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("knowledge record " + key + " is not JSON: " + e.getMessage(), e);
        }
        JsonNode payload = event.path("payload");
        Uni<KnowledgeIndex> stored = "release:current".equals(key)
                ? TransientFailures.retried("completing release " + key,
                        Panache.withTransaction(() -> store.completeRelease(payload)))
                : TransientFailures.retried("storing " + key, Panache.withTransaction(() -> store.upsert(key, payload)));
        return stored.chain(this::activateAndRerank);
    }

    /**
     * When the record completed a release (its transaction committed): match on it from now on and re-rank the
     * stored profiles.
     */
    private Uni<Void> activateAndRerank(KnowledgeIndex index) {
        if (index == null) {
            return Uni.createFrom().voidItem();
        }
        store.activate(index);
        return TransientFailures.retried("re-ranking for " + index.release(),
                Panache.withTransaction(() -> recommendations.rerankAll(index)));
    }
}
