package org.thyronco.therapy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A recommendation set issued for one profile version against one knowledge release. */
@Entity
@Table(name = "recommendation_set")
public class RecommendationSetEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "case_id")
    public String caseId;

    @Column(name = "profile_id")
    public UUID profileId;

    @Column(name = "profile_version")
    public int profileVersion;

    public String release;

    /** Hash of the ranked therapies, levels and flags: equal digests mean nothing a clinician sees changed. */
    public String digest;

    /** JSON recommendation set. */
    public String body;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
