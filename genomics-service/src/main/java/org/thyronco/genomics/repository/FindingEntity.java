package org.thyronco.genomics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A normalized finding of a profile, with the raw input it came from. */
@Entity
@Table(name = "finding")
public class FindingEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_seq")
    @jakarta.persistence.SequenceGenerator(name = "finding_seq", sequenceName = "finding_seq", allocationSize = 500)
    public Long id;

    @Column(name = "profile_id")
    public UUID profileId;

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
