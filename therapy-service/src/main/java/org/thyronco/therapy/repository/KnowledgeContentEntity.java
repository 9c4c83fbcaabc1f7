package org.thyronco.therapy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One knowledge record (item, source or therapy) as last received from evidence-service. */
@Entity
@Table(name = "knowledge_content")
public class KnowledgeContentEntity extends PanacheEntityBase {
    @Id
    @Column(name = "content_key")
    public String key;

    public String kind;
    public String release;
    public String body;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
