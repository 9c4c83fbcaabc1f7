package org.thyronco.therapy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A knowledge release whose content arrived completely. */
@Entity
@Table(name = "knowledge_release")
public class KnowledgeReleaseEntity extends PanacheEntityBase {
    @Id
    public String version;

    /** JSON {added, changed, retired}. */
    public String diff;

    /** JSON list of the release's item ids. */
    @Column(name = "item_ids")
    public String itemIds;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
}
