package org.thyronco.genomics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One version of a case's molecular profile; amending a case creates the next version. */
@Entity
@Table(name = "profile")
public class ProfileEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "case_id")
    public String caseId;

    public int version;

    /** json, vcf, maf or fusion-tsv. */
    public String source;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "finding_count")
    public int findingCount;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
