package org.thyronco.therapy.engine;

import java.util.List;

/**
 * The knowledge records therapy-service matches against, in the shape evidence-service publishes them
 * (evidence-service/src/main/resources/knowledge/SCHEMA.md). This service's own copy of the contract.
 */
public final class Knowledge {

    private Knowledge() {}

    public record Source(String id, String kind, String authors, String title, String journal, Integer year,
            String volume, String issue, String pages, String doi, String url, List<String> nct, String seedRef,
            String doiStatus) {}

    public record Toxicity(String text, List<String> sources) {}

    public record Therapy(String id, String name, List<String> drugs, List<String> classes, String category,
            List<String> pathways, List<Toxicity> toxicities) {}

    public record CoAlteration(String gene, String kind, String alteration) {}

    public record Biomarker(String gene, String kind, String alteration, Integer codon, Integer exon, String partner,
            Double threshold, String score, List<CoAlteration> with) {}

    /**
     * Where an item applies. {@code afterProgressionOn}: the patient must have progressed on one of these (therapy ids
     * or "class:" tokens); {@code notAfterProgressionOn}: the item no longer applies once the patient progressed on
     * one of these (a first multikinase inhibitor is not offered again after a VEGFR-TKI failed).
     */
    public record Setting(String lines, List<String> afterProgressionOn, List<String> notAfterProgressionOn,
            Boolean neoadjuvant, Boolean raiRefractory, String notes) {}

    public record Regulatory(String agency, String indication, String date, String pathway) {}

    public record Outcome(String measure, String value, String ci, Integer n, String subgroup, String source) {}

    public record Item(String id, Biomarker biomarker, List<String> diseases, List<String> excludedDiseases,
            String therapy, String significance, String direction, Setting setting, String level, String levelBasis,
            String levelNote, String ampTier, String status, List<Regulatory> regulatory, List<String> labelConditions,
            List<Outcome> outcomes, List<String> trials, List<String> sources, String summary, String curatorNote) {}
}
