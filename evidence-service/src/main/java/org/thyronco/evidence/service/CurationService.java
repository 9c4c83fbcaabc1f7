package org.thyronco.evidence.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.thyronco.evidence.knowledge.Knowledge;
import org.thyronco.evidence.knowledge.KnowledgeValidator;
import org.thyronco.evidence.mapping.KnowledgeMapper;
import org.thyronco.evidence.repository.DraftItemEntity;
import org.thyronco.evidence.repository.KnowledgeRepository;

/** Curators' drafts and publishing them as the next release. */
@ApplicationScoped
public class CurationService {

    /** A draft as curators see it. */
    public record Draft(String id, boolean retire, Knowledge.EvidenceItem item, OffsetDateTime updatedAt) {}

    @Inject
    KnowledgeService knowledge;

    @Inject
    KnowledgeRepository repository;

    @Inject
    KnowledgeMapper mapper;

    /** Saves a new or changed item as a draft, refusing it (422) when it fails validation. */
    @WithTransaction
    public Uni<Draft> saveDraft(String id, Knowledge.EvidenceItem item) {
        if (item.id() != null && !item.id().equals(id)) {
            return Uni.createFrom().failure(KnowledgeService.rejected(List.of(new KnowledgeValidator.Violation(
                    "/id", "item id '" + item.id() + "' differs from the path id '" + id + "'"))));
        }
        Knowledge.EvidenceItem withId = item.id() != null ? item : copyWithId(item, id);
        return knowledge.bundle(null).chain(latest -> {
            List<KnowledgeValidator.Violation> violations = knowledge.validator().validateItem(withId,
                    ids(latest.sources().stream().map(Knowledge.Source::id).toList()),
                    ids(latest.therapies().stream().map(Knowledge.Therapy::id).toList()));
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(KnowledgeService.rejected(violations.stream()
                        .map(v -> new KnowledgeValidator.Violation(v.pointer().replace("/items/" + id, ""),
                                v.message()))
                        .toList()));
            }
            return upsert(id, mapper.json(withId), false);
        });
    }

    @WithTransaction
    public Uni<Draft> retire(String id) {
        return knowledge.item(id, null).chain(existing -> upsert(id, null, true));
    }

    @WithTransaction
    public Uni<Boolean> discard(String id) {
        return DraftItemEntity.deleteById(id);
    }

    @WithSession
    public Uni<List<Draft>> drafts() {
        return repository.drafts().map(rows -> rows.stream().map(this::view).toList());
    }

    /** Validates the release that publishing now would produce. */
    @WithSession
    public Uni<Views.Validation> validate() {
        return candidate("validation").map(bundle -> {
            List<KnowledgeValidator.Violation> errors = knowledge.validator().validate(bundle);
            return new Views.Validation(errors.isEmpty(), errors);
        });
    }

    /** Publishes latest release + drafts as {@code version}; the drafts are consumed. */
    @WithTransaction
    public Uni<Views.Release> publish(String version, List<String> notes) {
        return candidate(version).map(b -> new Knowledge.Bundle(new Knowledge.Manifest(version,
                        OffsetDateTime.now().toLocalDate().toString(), notes, List.of()), b.sources(), b.therapies(),
                        b.items()))
                .chain(bundle -> knowledge.publish(bundle))
                .call(() -> DraftItemEntity.deleteAll());
    }

    private Uni<Knowledge.Bundle> candidate(String version) {
        return knowledge.bundle(null).chain(latest -> repository.drafts().map(drafts -> {
            Map<String, Knowledge.EvidenceItem> items = new LinkedHashMap<>();
            latest.items().forEach(i -> items.put(i.id(), i));
            for (DraftItemEntity d : drafts) {
                if (d.retire) {
                    items.remove(d.itemId);
                } else {
                    items.put(d.itemId, mapper.read(d.body, Knowledge.EvidenceItem.class));
                }
            }
            return new Knowledge.Bundle(new Knowledge.Manifest(version, null, List.of(), List.of()),
                    latest.sources(), latest.therapies(), List.copyOf(items.values()));
        }));
    }

    private Uni<Draft> upsert(String id, String body, boolean retire) {
        return DraftItemEntity.<DraftItemEntity>findById(id).chain(existing -> {
            DraftItemEntity d = existing != null ? existing : new DraftItemEntity();
            d.itemId = id;
            d.body = body;
            d.retire = retire;
            d.updatedAt = OffsetDateTime.now();
            return d.<DraftItemEntity>persist().map(this::view);
        });
    }

    private Draft view(DraftItemEntity d) {
        return new Draft(d.itemId, d.retire, d.body == null ? null : mapper.read(d.body, Knowledge.EvidenceItem.class),
                d.updatedAt);
    }

    private static Set<String> ids(List<String> ids) {
        return ids.stream().collect(Collectors.toSet());
    }

    private static Knowledge.EvidenceItem copyWithId(Knowledge.EvidenceItem i, String id) {
        return new Knowledge.EvidenceItem(id, i.biomarker(), i.diseases(), i.excludedDiseases(), i.therapy(),
                i.significance(), i.direction(), i.setting(), i.level(), i.levelBasis(), i.levelNote(), i.ampTier(),
                i.status(), i.regulatory(), i.labelConditions(), i.outcomes(), i.trials(), i.sources(), i.summary(),
                i.curatorNote());
    }
}
