package org.thyronco.therapy.engine;

import java.util.ArrayList;
import java.util.List;

/** Builders for contexts and normalized findings, as genomics-service would send them. */
final class Cases {

    private Cases() {}

    static Profile.Context ctx(String dx, Boolean raiR, Profile.PriorTherapy... priors) {
        return new Profile.Context(dx, raiR, null, 1, List.of(priors), null, null);
    }

    static Profile.Context ctx(String dx, Boolean raiR, Boolean noLocoregional, Boolean noAlternative,
            Profile.PriorTherapy... priors) {
        return new Profile.Context(dx, raiR, null, 1, List.of(priors), noLocoregional, noAlternative);
    }

    static Profile.PriorTherapy progressedOn(String therapy) {
        return new Profile.PriorTherapy(therapy, "PD", true);
    }

    static Profile.Finding variant(String ref, String gene, String protein) {
        return new Profile.Finding(ref, "VARIANT", gene, protein, null, protein.endsWith("=") ? "SYNONYMOUS"
                : "MISSENSE", null, null, null, null, null, null, null, null);
    }

    static Profile.Finding promoter(String ref, String hgvsc) {
        return new Profile.Finding(ref, "VARIANT", "TERT", null, hgvsc, "PROMOTER", null, null, null, null, null, null,
                null, null);
    }

    static Profile.Finding fusion(String ref, String five, String three) {
        return new Profile.Finding(ref, "FUSION", three, null, null, "FUSION", five + "::" + three, five, three, null,
                null, null, null, null);
    }

    static Profile.Finding tmb(String ref, double value) {
        return new Profile.Finding(ref, "TMB", null, null, null, null, null, null, null, null, value, null, null, null);
    }

    static Profile.Finding msiHigh(String ref) {
        return new Profile.Finding(ref, "MSI", null, null, null, null, null, null, null, null, null, "MSI-H", null, null);
    }

    static Profile.Finding pdl1(String ref, String score, double value) {
        return new Profile.Finding(ref, "PD_L1", null, null, null, null, null, null, null, null, null, null, score,
                value);
    }

    static List<Profile.Finding> of(Profile.Finding... f) {
        return new ArrayList<>(List.of(f));
    }
}
