package org.thyronco.genomics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A normalized finding of a profile, with the raw input it came from: the {@code ordinal}-th of its profile. */
@Entity
@Table(name = "finding")
@IdClass(FindingEntity.Key.class)
public class FindingEntity extends PanacheEntityBase {

    /** (profile, ordinal): a finding's natural key. */
    public record Key(UUID profileId, int ordinal) implements Serializable {}

    @Id
    @Column(name = "profile_id")
    public UUID profileId;

    @Id
    public int ordinal;
    public String type;
    public String gene;

    @Column(name = "protein_change")
    public String proteinChange;

    public String hgvsc;

    @Column(name = "variant_class")
    public String variantClass;

    public String fusion;

    @Column(name = "five_prime")
    public String fivePrime;

    @Column(name = "three_prime")
    public String threePrime;

    @Column(name = "copy_number")
    public String copyNumber;

    public Double tmb;
    public String msi;

    @Column(name = "pdl1_score")
    public String pdl1Score;

    @Column(name = "pdl1_value")
    public Double pdl1Value;

    public String assay;

    @Column(name = "vrs_id")
    public String vrsId;

    /** JSON list of genomic locations. */
    public String locations;

    public String raw;

    /** JSON list of warnings. */
    public String warnings;
}
