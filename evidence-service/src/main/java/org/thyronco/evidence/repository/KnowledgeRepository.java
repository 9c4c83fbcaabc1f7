package org.thyronco.evidence.repository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads releases and their snapshots. Writes happen inside the service's transactions. */
@ApplicationScoped
@WithSession
public class KnowledgeRepository {

    public Uni<KnowledgeReleaseEntity> latest() {
        return KnowledgeReleaseEntity.<KnowledgeReleaseEntity>find("order by id desc").firstResult();
    }

    public Uni<KnowledgeReleaseEntity> byVersion(String version) {
        return KnowledgeReleaseEntity.find("version", version).firstResult();
    }

    public Uni<List<KnowledgeReleaseEntity>> releases() {
        return KnowledgeReleaseEntity.list("order by id desc");
    }

    /** Items of a release narrowed by the filters SQL can apply; disease paths are applied by the caller. */
    public Uni<List<KbItemEntity>> items(long releaseId, String gene, List<String> alterations, String therapy,
            String significance, String level, String text) {
        StringBuilder q = new StringBuilder("releaseId = :release");
        var params = io.quarkus.panache.common.Parameters.with("release", releaseId);
        if (gene != null) {
            q.append(" and gene = :gene");
            params.and("gene", gene);
        }
        if (alterations != null) {
            q.append(" and alteration in :alterations");
            params.and("alterations", alterations);
        }
        if (therapy != null) {
            q.append(" and therapyId = :therapy");
            params.and("therapy", therapy);
        }
        if (significance != null) {
            q.append(" and significance = :significance");
            params.and("significance", significance);
        }
        if (level != null) {
            q.append(" and level = :level");
            params.and("level", level);
        }
        if (text != null) {
            q.append(" and function('kb_fts', searchText, :text) = true");
            params.and("text", text);
        }
        q.append(" order by levelRank, itemId");
        return KbItemEntity.list(q.toString(), params);
    }

    public Uni<KbItemEntity> item(long releaseId, String itemId) {
        return KbItemEntity.find("releaseId = ?1 and itemId = ?2", releaseId, itemId).firstResult();
    }

    public Uni<List<KbItemEntity>> allItems(long releaseId) {
        return KbItemEntity.list("releaseId = ?1 order by itemId", releaseId);
    }

    public Uni<KbSourceEntity> source(long releaseId, String idOrDoi) {
        return KbSourceEntity.find("releaseId = ?1 and (sourceId = ?2 or lower(doi) = lower(?2))", releaseId, idOrDoi)
                .firstResult();
    }

    public Uni<List<KbSourceEntity>> sources(long releaseId) {
        return KbSourceEntity.list("releaseId = ?1 order by sourceId", releaseId);
    }

    public Uni<KbTherapyEntity> therapy(long releaseId, String therapyId) {
        return KbTherapyEntity.find("releaseId = ?1 and therapyId = ?2", releaseId, therapyId).firstResult();
    }

    public Uni<List<KbTherapyEntity>> therapies(long releaseId) {
        return KbTherapyEntity.list("releaseId = ?1 order by therapyId", releaseId);
    }

    public Uni<List<DraftItemEntity>> drafts() {
        return DraftItemEntity.list("order by itemId");
    }
}
