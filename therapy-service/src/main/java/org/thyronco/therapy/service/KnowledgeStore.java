package org.thyronco.therapy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** Stores one content record; returns the new index if it completed a pending release, else null (see {@link #activate}). */
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
     * Records a complete release and builds its index (see {@link #activate}). Returns the new index, or
     * null when this release is already current (a redelivered marker changes nothing) or incomplete.
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
            return index;
        });
    }

    /**
     * Switches matching to a release whose transaction has committed. Called after the commit, not
     * inside it: a commit that failed and is retried must still see the release as new and re-rank.
     */
    public void activate(KnowledgeIndex index) {
        pending.set(null);
        current.set(index);
        LOG.infof("matching index now on knowledge release %s", index.release());
    }

    /**
     * The index of a release whose items have all arrived, with its items in the order the release lists them. Rows
     * come back from the database in whatever order they were stored, which follows Kafka's delivery; an index in that
     * order made answers differ between two instances (the order of notes and figures, and which of two equally ranked
     * items of one therapy led its recommendation).
     */
    private Uni<KnowledgeIndex> build(String version, List<String> itemIds) {
        return KnowledgeContentEntity.<KnowledgeContentEntity>listAll().map(rows -> {
            List<Knowledge.Source> sources = rows.stream().filter(r -> "source".equals(r.kind))
                    .map(r -> read(r.body, Knowledge.Source.class)).toList();
            List<Knowledge.Therapy> therapies = rows.stream().filter(r -> "therapy".equals(r.kind))
                    .map(r -> read(r.body, Knowledge.Therapy.class)).toList();
            Map<String, Knowledge.Item> arrived = new HashMap<>();
            Set<String> wanted = new HashSet<>(itemIds);
            rows.stream().filter(r -> "item".equals(r.kind)).map(r -> read(r.body, Knowledge.Item.class))
                    .filter(i -> wanted.contains(i.id())).forEach(i -> arrived.put(i.id(), i));
            if (arrived.size() != wanted.size()) {
                LOG.infof("release %s lists %d items, %d have arrived so far", version, wanted.size(), arrived.size());
                return null;
            }
            List<Knowledge.Item> items = itemIds.stream().distinct().map(arrived::get).toList();
            return KnowledgeIndex.of(version, sources, therapies, items);
        });
    }

    void onStart(@Observes StartupEvent event) {
        try {
            KnowledgeIndex index = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(this::latestStored));
            if (index != null) {
                current.set(index);
                LOG.infof("matching index restored from knowledge release %s", index.release());
            }
        } catch (Throwable e) {
            LOG.errorf("could not restore the matching index: %s", e.getMessage());
        }
    }

    /**
     * With several replicas only one owns the single-partition knowledge topic and stores each release; the
     * others would match on the release they started with forever. They pick it up from the shared
     * database instead (and never re-rank: the owner already did, for every stored profile).
     */
    @Scheduled(every = "${thyronco.knowledge.refresh-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return Panache.withSession(this::latestStored).invoke(index -> {
            KnowledgeIndex now = current.get();
            // Only forward: a refresh that read the previous release may finish after the consumer switched.
            if (index != null && (now == null || newer(index.release(), now.release()))) {
                current.set(index);
                LOG.infof("matching index now on knowledge release %s (stored by another instance)", index.release());
            }
        }).onFailure().invoke(e -> LOG.warnf("knowledge refresh failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Whether release version {@code a} (year.minor.patch) comes after {@code b}. */
    static boolean newer(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return p > q;
            }
        }
        return false;
    }

    /** The index of the newest complete release in the database, or null if there is none yet. */
    private Uni<KnowledgeIndex> latestStored() {
        return KnowledgeReleaseEntity.<KnowledgeReleaseEntity>find("order by completedAt desc").firstResult()
                .chain(r -> {
                    KnowledgeIndex now = current.get();
                    if (r == null || now != null && r.version.equals(now.release())) {
                        return Uni.createFrom().<KnowledgeIndex>nullItem();
                    }
                    return build(r.version, ids(r.itemIds));
                });
    }

    private List<String> ids(String jsonArray) {
        return read(jsonArray, new TypeReference<List<String>>() {});
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
