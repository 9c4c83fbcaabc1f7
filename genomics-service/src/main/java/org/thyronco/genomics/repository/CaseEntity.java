package org.thyronco.genomics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A tumour case under its pseudonymous id, with the clinical context matching needs. */
@Entity
@Table(name = "tumour_case")
public class CaseEntity extends PanacheEntityBase {
    @Id
    @Column(name = "case_id")
    public String caseId;

    @Column(name = "lab_id")
    public String labId;

    public String diagnosis;

    @Column(name = "rai_refractory")
    public Boolean raiRefractory;

    @Column(name = "rai_criterion")
    public String raiCriterion;

    public String stage;
    public Integer ecog;

    @Column(name = "no_locoregional_options")
    public Boolean noSatisfactoryLocoregionalOptions;

    @Column(name = "no_satisfactory_alternative")
    public Boolean noSatisfactoryAlternative;

    /** JSON list of prior systemic therapies. */
    @Column(name = "prior_therapies")
    public String priorTherapies;

    /** JSON sample description. */
    public String sample;

    /** JSON assay description. */
    public String assay;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
