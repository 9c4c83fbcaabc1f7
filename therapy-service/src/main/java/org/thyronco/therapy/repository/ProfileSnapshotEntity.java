package org.thyronco.therapy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The latest profile of a case, as announced by genomics-service. */
@Entity
@Table(name = "profile_snapshot")
public class ProfileSnapshotEntity extends PanacheEntityBase {
    @Id
    @Column(name = "case_id")
    public String caseId;

    @Column(name = "profile_id")
    public UUID profileId;

    @Column(name = "profile_version")
    public int profileVersion;

    @Column(name = "lab_id")
    public String labId;

    /** JSON case context. */
    public String context;

    /** JSON list of normalized findings. */
    public String findings;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
