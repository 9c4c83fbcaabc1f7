package org.thyronco.genomics.domain;

import java.util.List;
import java.util.Set;

/** The clinical context of a case as matching needs it; shared vocabulary of requests, storage and events. */
public final class CaseContext {

    private CaseContext() {}

    /** OncoTree thyroid codes a case may carry (OncoTree 2023-03-09; HTAT and OAT are benign). */
    public static final Set<String> DIAGNOSES = Set.of("THYROID", "WDTC", "THPA", "THFO", "THHC", "THPD", "THAP",
            "THME", "HTAT", "OAT");

    public static final Set<String> RESPONSES = Set.of("CR", "PR", "SD", "PD", "NE");

    /** A prior systemic therapy (therapy id as in the knowledge base, e.g. lenvatinib, dabrafenib+trametinib). */
    public record PriorTherapy(String therapy, String bestResponse, Boolean progressed) {}

    public record Sample(String type, Double tumourPurity) {}

    public record Assay(String panel, String genomeBuild) {}

    /** What therapy-service receives with every profile event. */
    public record Context(String diagnosis, Boolean raiRefractory, String raiCriterion, String stage, Integer ecog,
            Boolean noSatisfactoryLocoregionalOptions, Boolean noSatisfactoryAlternative,
            List<PriorTherapy> priorTherapies, Sample sample, Assay assay) {}
}
