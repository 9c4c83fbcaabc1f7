package org.thyronco.evidence.knowledge;

import java.util.List;

/**
 * The knowledge model, exactly as curated in {@code knowledge/*.yaml} (see knowledge/SCHEMA.md) and as
 * published on the knowledge topics. Plain records: the same shapes are stored, served and sent.
 */
public final class Knowledge {

    private Knowledge() {}

    /** The release the curated files constitute; {@code evidence} lists the item files to load. */
    public record Manifest(String version, String date, List<String> notes, List<String> evidence) {}

    /** A citable publication, guideline or regulatory label. */
    public record Source(String id, String kind, String authors, String title, String journal, Integer year,
            String volume, String issue, String pages, String doi, String url, List<String> nct, String seedRef,
            String doiStatus) {}

    public record Toxicity(String text, List<String> sources) {}

    /** A drug, a combination, or a non-drug intervention (airway management, nutrition, ...). */
    public record Therapy(String id, String name, List<String> drugs, List<String> classes, String category,
            List<String> pathways, List<Toxicity> toxicities) {}

    /** A further alteration required by a co-occurrence biomarker. */
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

    /** One biomarker–therapy–disease statement with its level of evidence and its sources. */
    public record EvidenceItem(String id, Biomarker biomarker, List<String> diseases, List<String> excludedDiseases,
            String therapy, String significance, String direction, Setting setting, String level, String levelBasis,
            String levelNote, String ampTier, String status, List<Regulatory> regulatory, List<String> labelConditions,
            List<Outcome> outcomes, List<String> trials, List<String> sources, String summary, String curatorNote) {}

    /** Everything one release contains. */
    public record Bundle(Manifest manifest, List<Source> sources, List<Therapy> therapies, List<EvidenceItem> items) {}
}
