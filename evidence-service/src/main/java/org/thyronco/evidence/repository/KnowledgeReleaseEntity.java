package org.thyronco.evidence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A published, immutable knowledge release. */
@Entity
@Table(name = "knowledge_release")
public class KnowledgeReleaseEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String version;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "content_hash")
    public String contentHash;

    /** JSON array of change-log lines. */
    public String notes;

    /** JSON {added, changed, retired}. */
    public String diff;
}
