package org.thyronco.therapy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.thyronco.therapy.engine.Profile;

import org.thyronco.therapy.engine.KnowledgeIndex;

import org.thyronco.therapy.engine.Result;
import org.thyronco.therapy.engine.TherapyMatcher;
import org.thyronco.therapy.messaging.RecommendationEvents;
import org.thyronco.therapy.repository.ProcessedEventEntity;
import org.thyronco.therapy.repository.ProfileSnapshotEntity;
import org.thyronco.therapy.repository.RecommendationSetEntity;

/**
 * Matches profiles against the current knowledge index, stores each recommendation set per profile and
 * release, and announces it; re-ranks every stored profile when a new release arrives.
 */
@ApplicationScoped
public class RecommendationService {

    @Inject
    ObjectMapper json;

    @Inject
    KnowledgeStore knowledge;

    @Inject
    RecommendationEvents events;

    final TherapyMatcher matcher = new TherapyMatcher();

    /** A stored set as the API returns it. */
    public record StoredSet(UUID id, String caseId, UUID profileId, int profileVersion, String release,
            OffsetDateTime createdAt, Result.RecommendationSet recommendations) {}

    /** Applies a profile event once; must run inside a transaction. */
    public Uni<Void> onProfile(UUID eventId, JsonNode payload) {
        return ProcessedEventEntity.<ProcessedEventEntity>findById(eventId).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            ProcessedEventEntity mark = new ProcessedEventEntity();
            mark.eventId = eventId;
            mark.processedAt = OffsetDateTime.now();
            String caseId = payload.path("caseId").asText();
            return mark.persist()
                    .chain(() -> ProfileSnapshotEntity.<ProfileSnapshotEntity>findById(caseId))
                    .chain(existing -> {
                        int version = payload.path("profileVersion").asInt();
                        if (existing != null && existing.profileVersion >= version) {
                            return Uni.createFrom().voidItem(); // an older profile arriving late changes nothing
                        }
                        ProfileSnapshotEntity s = existing != null ? existing : new ProfileSnapshotEntity();
                        s.caseId = caseId;
                        s.profileId = UUID.fromString(payload.path("profileId").asText());
                        s.profileVersion = version;
                        s.labId = payload.path("labId").asText();
                        s.context = payload.path("context").toString();
                        s.findings = payload.path("findings").toString();
                        s.updatedAt = OffsetDateTime.now();
                        Uni<Void> saved = existing != null ? Uni.createFrom().voidItem()
                                : s.persist().replaceWithVoid();
                        KnowledgeIndex index = knowledge.index();
                        return index == null ? saved : saved.chain(() -> issue(s, index));
                    });
        });
    }

    private Uni<Void> issue(ProfileSnapshotEntity s, KnowledgeIndex index) {
        Result.RecommendationSet set = match(s, index);
        return store(s, set).chain(stored -> stored == null ? Uni.createFrom().voidItem()
                : events.issued(new RecommendationEvents.Issued(s.caseId, s.profileId, s.profileVersion, stored.id,
                        set.knowledgeRelease(), ranked(set))));
    }

    /** Re-ranks every stored profile against a new release; announces only sets whose content changed. */
    public Uni<Void> rerankAll(KnowledgeIndex index) {
        return ProfileSnapshotEntity.<ProfileSnapshotEntity>listAll()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(s -> rerank(s, index))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> rerank(ProfileSnapshotEntity s, KnowledgeIndex index) {
        Result.RecommendationSet set = match(s, index);
        return RecommendationSetEntity.<RecommendationSetEntity>find("profileId = ?1 order by createdAt desc",
                s.profileId).firstResult().chain(previous -> store(s, set).chain(stored -> {
                    if (stored == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (previous == null) {
                        return events.issued(new RecommendationEvents.Issued(s.caseId, s.profileId,
                                s.profileVersion, stored.id, set.knowledgeRelease(), ranked(set)));
                    }
                    if (previous.digest.equals(stored.digest)) {
                        return Uni.createFrom().voidItem();
                    }
                    Result.RecommendationSet before = read(previous.body, Result.RecommendationSet.class);
                    return events.changed(changes(s, stored, previous.release, before, set));
                }));
    }

    private Uni<RecommendationSetEntity> store(ProfileSnapshotEntity s, Result.RecommendationSet set) {
        return RecommendationSetEntity.<RecommendationSetEntity>find("profileId = ?1 and release = ?2", s.profileId,
                set.knowledgeRelease()).firstResult().chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().nullItem();
                    }
                    RecommendationSetEntity e = new RecommendationSetEntity();
                    e.id = UUID.randomUUID();
                    e.caseId = s.caseId;
                    e.profileId = s.profileId;
                    e.profileVersion = s.profileVersion;
                    e.release = set.knowledgeRelease();
                    e.digest = digest(set);
                    e.body = write(set);
                    e.createdAt = OffsetDateTime.now();
                    return e.<RecommendationSetEntity>persist();
                });
    }

    Result.RecommendationSet match(ProfileSnapshotEntity s, KnowledgeIndex index) {
        Profile.Context context = read(s.context, Profile.Context.class);
        List<Profile.Finding> findings = read(s.findings, new TypeReference<List<Profile.Finding>>() {});
        return matcher.match(context, findings, index);
    }

    /** Stateless match for clients: nothing is stored. */
    public Result.RecommendationSet matchNow(Profile.Context context, List<Profile.Finding> findings) {
        KnowledgeIndex index = knowledge.index();
        if (index == null) {
            throw HttpProblem.builder().withStatus(503).withTitle("Service Unavailable")
                    .withDetail("no knowledge release has arrived yet").withHeader("Retry-After", 5).build();
        }
        return matcher.match(context, findings, index);
    }

    @WithSession
    public Uni<StoredSet> current(String labId, String caseId, String release) {
        String q = release == null ? "caseId = ?1 order by createdAt desc" : "caseId = ?1 and release = ?2 "
                + "order by profileVersion desc";
        Object[] params = release == null ? new Object[] {caseId} : new Object[] {caseId, release};
        return owned(labId, caseId).chain(() -> RecommendationSetEntity.<RecommendationSetEntity>find(q, params)
                .<RecommendationSetEntity>firstResult()).map(e -> {
                    if (e == null) {
                        throw HttpProblem.builder().withStatus(404).withTitle("Not Found")
                                .withDetail("no recommendation set for case " + caseId
                                        + (release == null ? "" : " and release " + release))
                                .build();
                    }
                    return view(e);
                });
    }

    @WithSession
    public Uni<List<StoredSet>> history(String labId, String caseId) {
        return owned(labId, caseId).chain(() -> RecommendationSetEntity.<RecommendationSetEntity>list(
                "caseId = ?1 order by createdAt desc", caseId)).map(l -> l.stream().map(this::view).toList());
    }

    /** Cases whose recommendations changed (a new set was stored) since the given instant. */
    @WithSession
    public Uni<List<StoredSet>> changedSince(String labId, OffsetDateTime since) {
        return RecommendationSetEntity.<RecommendationSetEntity>list("createdAt > ?1 order by createdAt", since)
                .chain(sets -> ProfileSnapshotEntity.<ProfileSnapshotEntity>listAll().map(snaps -> {
                    Map<String, String> lab = snaps.stream().collect(Collectors.toMap(p -> p.caseId, p -> p.labId));
                    return sets.stream().filter(s -> labId == null || labId.equals(lab.get(s.caseId)))
                            .map(this::view).toList();
                }));
    }

    private Uni<Void> owned(String labId, String caseId) {
        return ProfileSnapshotEntity.<ProfileSnapshotEntity>findById(caseId).map(s -> {
            if (s == null || (labId != null && !labId.equals(s.labId))) {
                throw HttpProblem.builder().withStatus(404).withTitle("Not Found")
                        .withDetail("no recommendations for case " + caseId).build();
            }
            return s;
        }).replaceWithVoid();
    }

    private StoredSet view(RecommendationSetEntity e) {
        return new StoredSet(e.id, e.caseId, e.profileId, e.profileVersion, e.release, e.createdAt,
                read(e.body, Result.RecommendationSet.class));
    }

    static List<RecommendationEvents.Ranked> ranked(Result.RecommendationSet set) {
        return set.recommendations().stream()
                .map(r -> new RecommendationEvents.Ranked(r.therapyId(), r.level(), r.rank())).toList();
    }

    static RecommendationEvents.Changed changes(ProfileSnapshotEntity s, RecommendationSetEntity stored,
            String previousRelease, Result.RecommendationSet before, Result.RecommendationSet after) {
        Map<String, Result.Recommendation> old = before.recommendations().stream()
                .collect(Collectors.toMap(Result.Recommendation::therapyId, Function.identity(), (a, b) -> a));
        Map<String, Result.Recommendation> now = after.recommendations().stream()
                .collect(Collectors.toMap(Result.Recommendation::therapyId, Function.identity(), (a, b) -> a));
        List<RecommendationEvents.Ranked> added = now.values().stream().filter(r -> !old.containsKey(r.therapyId()))
                .map(r -> new RecommendationEvents.Ranked(r.therapyId(), r.level(), r.rank())).toList();
        List<RecommendationEvents.Ranked> removed = old.values().stream().filter(r -> !now.containsKey(r.therapyId()))
                .map(r -> new RecommendationEvents.Ranked(r.therapyId(), r.level(), r.rank())).toList();
        List<RecommendationEvents.Ranked> levels = now.values().stream()
                .filter(r -> old.containsKey(r.therapyId())
                        && !java.util.Objects.equals(old.get(r.therapyId()).level(), r.level()))
                .map(r -> new RecommendationEvents.Ranked(r.therapyId(), r.level(), r.rank())).toList();
        return new RecommendationEvents.Changed(s.caseId, s.profileId, s.profileVersion, stored.id, previousRelease,
                after.knowledgeRelease(), added, removed, levels);
    }

    /** What a clinician sees: therapies in order with level and flags, suppressions, prognostic notes. */
    String digest(Result.RecommendationSet set) {
        String basis = set.recommendations().stream()
                .map(r -> r.therapyId() + "|" + r.level() + "|" + r.flags() + "|" + r.matches().size())
                .collect(Collectors.joining(";"))
                + "#" + set.suppressed().size() + "#" + set.prognostic().size();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
