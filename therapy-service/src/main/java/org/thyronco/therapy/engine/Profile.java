package org.thyronco.therapy.engine;

import java.util.List;

/** What is matched: a case's clinical context and its normalized findings (genomics-service's event shape). */
public final class Profile {

    private Profile() {}

    /** A prior systemic therapy, named by its knowledge-base therapy id (lenvatinib, dabrafenib+trametinib). */
    public record PriorTherapy(String therapy, String bestResponse, Boolean progressed) {}

    /** Clinical context; a null Boolean means "not established". */
    public record Context(String diagnosis, Boolean raiRefractory, String stage, Integer ecog,
            List<PriorTherapy> priorTherapies, Boolean noSatisfactoryLocoregionalOptions,
            Boolean noSatisfactoryAlternative) {

        List<PriorTherapy> priors() {
            return priorTherapies == null ? List.of() : priorTherapies;
        }
    }

    /** A normalized finding (VARIANT, FUSION, COPY_NUMBER, TMB, MSI, PD_L1). */
    public record Finding(String ref, String type, String gene, String proteinChange, String hgvsc,
            String variantClass, String fusion, String fivePrimeGene, String threePrimeGene, String copyNumber,
            Double tmb, String msi, String pdl1Score, Double pdl1Value) {}
}
