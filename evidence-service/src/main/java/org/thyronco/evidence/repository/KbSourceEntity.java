package org.thyronco.evidence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A source as it stands in one release. */
@Entity
@Table(name = "kb_source")
public class KbSourceEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "release_id")
    public Long releaseId;

    @Column(name = "source_id")
    public String sourceId;

    public String doi;
    public String body;
}
