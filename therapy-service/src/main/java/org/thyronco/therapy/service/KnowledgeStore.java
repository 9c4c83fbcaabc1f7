package org.thyronco.therapy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.thyronco.therapy.engine.KnowledgeIndex;
import org.thyronco.therapy.engine.Knowledge;


import org.thyronco.therapy.repository.KnowledgeContentEntity;
import org.thyronco.therapy.repository.KnowledgeReleaseEntity;

/**
 * This service's copy of the knowledge, and the matching index built from its latest complete release.
 * The index lives in memory (matching never calls evidence-service) and is rebuilt from the database at start.
 */
@ApplicationScoped
public class KnowledgeStore {

    private static final Logger LOG = Logger.getLogger(KnowledgeStore.class);

    @Inject
    ObjectMapper json;

    private final AtomicReference<KnowledgeIndex> current = new AtomicReference<>();

    /** A release marker whose items have not all arrived yet; completed when the last one does. */
    private final AtomicReference<JsonNode> pending = new AtomicReference<>();

    /** The index of the latest complete release, or null before the first release arrives. */
    public KnowledgeIndex index() {
        return current.get();
    }

    /** Stores one content record; returns the new index if it completed a pending release, else null. */
    public Uni<KnowledgeIndex> upsert(String key, JsonNode payload) {
        return store(key, payload).chain(() -> {
            JsonNode marker = pending.get();
            return marker == null ? Uni.createFrom().<KnowledgeIndex>nullItem() : completeRelease(marker);
        });
    }

    private Uni<Void> store(String key, JsonNode payload) {
        return KnowledgeContentEntity.<KnowledgeContentEntity>findById(key).chain(existing -> {
            KnowledgeContentEntity e = existing != null ? existing : new KnowledgeContentEntity();
            e.key = key;
            e.kind = payload.path("kind").asText();
            e.release = payload.path("release").asText();
            e.body = payload.path("body").toString();
            e.updatedAt = OffsetDateTime.now();
            return existing != null ? Uni.createFrom().voidItem() : e.persist().replaceWithVoid();
        });
    }

    public Uni<Void> remove(String key) {
        return KnowledgeContentEntity.deleteById(key).replaceWithVoid();
    }

    /**
     * Records a complete release and switches the index to it. Returns the new index, or null when this
     * release was already current (a redelivered marker changes nothing).
     */
    public Uni<KnowledgeIndex> completeRelease(JsonNode marker) {
        String version = marker.path("release").asText();
        KnowledgeIndex now = current.get();
        if (now != null && version.equals(now.release())) {
            return Uni.createFrom().nullItem();
        }
        return KnowledgeReleaseEntity.<KnowledgeReleaseEntity>findById(version).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            KnowledgeReleaseEntity r = new KnowledgeReleaseEntity();
            r.version = version;
            r.diff = marker.path("diff").toString();
            r.itemIds = marker.path("items").toString();
            r.completedAt = OffsetDateTime.now();
            return r.persist().replaceWithVoid();
        }).chain(() -> build(version, ids(marker.path("items").toString()))).map(index -> {
            if (index == null) {
                // Not every item of the release has arrived (they may come after the marker on a topic with
                // more than one partition): keep matching on the previous release until they do.
                pending.set(marker);
                return null;
            }
            pending.set(null);
            current.set(index);
            LOG.infof("matching index now on knowledge release %s", version);
            return index;
        });
    }

    private Uni<KnowledgeIndex> build(String version, Set<String> itemIds) {
        return KnowledgeContentEntity.<KnowledgeContentEntity>listAll().map(rows -> {
            List<Knowledge.Source> sources = rows.stream().filter(r -> "source".equals(r.kind))
                    .map(r -> read(r.body, Knowledge.Source.class)).toList();
            List<Knowledge.Therapy> therapies = rows.stream().filter(r -> "therapy".equals(r.kind))
                    .map(r -> read(r.body, Knowledge.Therapy.class)).toList();
            List<Knowledge.Item> items = rows.stream().filter(r -> "item".equals(r.kind))
                    .map(r -> read(r.body, Knowledge.Item.class)).filter(i -> itemIds.contains(i.id())).toList();
            if (items.size() != itemIds.size()) {
                LOG.infof("release %s lists %d items, %d have arrived so far", version, itemIds.size(), items.size());
                return null;
            }
            return KnowledgeIndex.of(version, sources, therapies, items);
        });
    }

    void onStart(@Observes StartupEvent event) {
        try {
            KnowledgeIndex index = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> KnowledgeReleaseEntity.<KnowledgeReleaseEntity>find("order by completedAt desc")
                            .firstResult()
                            .chain(r -> r == null ? Uni.createFrom().<KnowledgeIndex>nullItem()
                                    : build(r.version, ids(r.itemIds)))));
            if (index != null) {
                current.set(index);
                LOG.infof("matching index restored from knowledge release %s", index.release());
            }
        } catch (Throwable e) {
            LOG.errorf("could not restore the matching index: %s", e.getMessage());
        }
    }

    private Set<String> ids(String jsonArray) {
        return new HashSet<>(read(jsonArray, new TypeReference<List<String>>() {}));
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored knowledge does not parse", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored knowledge does not parse", e);
        }
    }
}
