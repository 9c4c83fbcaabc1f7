package org.thyronco.evidence.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses knowledge that a clinician could not trust: items without sources, unknown OncoTree codes,
 * unknown genes or therapies, levels off the declared scale. Each violation names the field (a JSON
 * pointer) and what is wrong with it.
 */
public final class KnowledgeValidator {

    /** One refused field. */
    public record Violation(String pointer, String message) {}

    public static final Set<String> LEVELS = Set.of("1", "2", "3A", "3B", "4", "R1", "R2", "standard");
    public static final Set<String> AMP_TIERS = Set.of("I-A", "I-B", "II-C", "II-D", "III", "IV");
    public static final Set<String> SIGNIFICANCES = Set.of("sensitivity", "resistance", "prognostic", "diagnostic",
            "standard-of-care", "supportive", "not-recommended");
    public static final Set<String> BIOMARKER_KINDS = Set.of("variant", "codon", "exon", "activating", "fusion",
            "amplification", "deletion", "tmb-high", "msi-high", "pd-l1", "expression", "co-occurrence", "none");
    public static final Set<String> LABEL_CONDITIONS = Set.of("no-satisfactory-locoregional-options",
            "progressed-after-prior-treatment", "no-satisfactory-alternative", "rai-refractory-if-appropriate",
            "no-known-acquired-resistance-mutation", "dmmr-confirmed-by-ihc");
    public static final Set<String> SOURCE_KINDS = Set.of("trial", "review", "guideline", "case-report",
            "preclinical", "cohort", "label", "meta-analysis");
    private static final Set<String> NEEDS_THERAPY = Set.of("sensitivity", "resistance", "standard-of-care",
            "supportive", "not-recommended");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

    private final Set<String> genes;

    /** @param genes HGNC symbols a biomarker may name */
    public KnowledgeValidator(Set<String> genes) {
        this.genes = genes;
    }

    public List<Violation> validate(Knowledge.Bundle bundle) {
        List<Violation> out = new ArrayList<>();
        if (bundle.manifest() == null || blank(bundle.manifest().version())) {
            out.add(new Violation("/release/version", "a release needs a version"));
        }
        Set<String> sourceIds = new HashSet<>();
        for (Knowledge.Source s : bundle.sources()) {
            String at = "/sources/" + s.id();
            if (blank(s.id()) || !sourceIds.add(s.id())) {
                out.add(new Violation(at + "/id", "source id missing or duplicated"));
            }
            if (s.kind() == null || !SOURCE_KINDS.contains(s.kind())) {
                out.add(new Violation(at + "/kind", "unknown source kind '" + s.kind() + "'"));
            }
            if (s.doi() != null && !DOI.matcher(s.doi()).matches()) {
                out.add(new Violation(at + "/doi", "not a DOI: '" + s.doi() + "'"));
            }
            if (blank(s.title())) {
                out.add(new Violation(at + "/title", "a source needs a title"));
            }
        }
        Set<String> therapyIds = new HashSet<>();
        for (Knowledge.Therapy t : bundle.therapies()) {
            String at = "/therapies/" + t.id();
            if (blank(t.id()) || !therapyIds.add(t.id())) {
                out.add(new Violation(at + "/id", "therapy id missing or duplicated"));
            }
            if (t.toxicities() != null) {
                for (Knowledge.Toxicity tox : t.toxicities()) {
                    unknownSources(tox.sources(), sourceIds, at + "/toxicities", out);
                }
            }
        }
        Set<String> itemIds = new HashSet<>();
        for (Knowledge.EvidenceItem item : bundle.items()) {
            if (!itemIds.add(item.id())) {
                out.add(new Violation("/items/" + item.id() + "/id", "evidence item id duplicated"));
            }
            out.addAll(validateItem(item, sourceIds, therapyIds));
        }
        return out;
    }

    /** Checks one item against the sources and therapies it may reference. */
    public List<Violation> validateItem(Knowledge.EvidenceItem item, Set<String> sourceIds, Set<String> therapyIds) {
        List<Violation> out = new ArrayList<>();
        String at = "/items/" + item.id();
        if (blank(item.id())) {
            out.add(new Violation(at + "/id", "an evidence item needs an id"));
        }
        if (item.sources() == null || item.sources().isEmpty()) {
            out.add(new Violation(at + "/sources", "an evidence item without a source is refused"));
        } else {
            unknownSources(item.sources(), sourceIds, at + "/sources", out);
        }
        if (item.diseases() == null || item.diseases().isEmpty()) {
            out.add(new Violation(at + "/diseases", "at least one OncoTree code (or SOLID) is required"));
        } else {
            for (String code : item.diseases()) {
                if (!OncoTree.isKnown(code)) {
                    out.add(new Violation(at + "/diseases", "unknown OncoTree code '" + code + "'"));
                } else if (OncoTree.BENIGN.contains(code)) {
                    out.add(new Violation(at + "/diseases", "'" + code + "' is a benign entity; no evidence may target it"));
                }
            }
        }
        if (item.significance() == null || !SIGNIFICANCES.contains(item.significance())) {
            out.add(new Violation(at + "/significance", "unknown significance '" + item.significance() + "'"));
        }
        if (item.therapy() != null && !therapyIds.contains(item.therapy())) {
            out.add(new Violation(at + "/therapy", "unknown therapy '" + item.therapy() + "'"));
        }
        if (item.therapy() == null && NEEDS_THERAPY.contains(item.significance())) {
            out.add(new Violation(at + "/therapy", "significance '" + item.significance() + "' needs a therapy"));
        }
        if (item.level() != null && !LEVELS.contains(item.level())) {
            out.add(new Violation(at + "/level", "level '" + item.level() + "' is not on the declared scale " + LEVELS));
        }
        if (item.ampTier() != null && !AMP_TIERS.contains(item.ampTier())) {
            out.add(new Violation(at + "/ampTier", "unknown AMP/ASCO/CAP tier '" + item.ampTier() + "'"));
        }
        if (item.labelConditions() != null) {
            for (String c : item.labelConditions()) {
                if (!LABEL_CONDITIONS.contains(c)) {
                    out.add(new Violation(at + "/labelConditions", "unknown label condition '" + c + "'"));
                }
            }
        }
        if (item.outcomes() != null) {
            for (Knowledge.Outcome o : item.outcomes()) {
                if (o.source() == null || !sourceIds.contains(o.source())) {
                    out.add(new Violation(at + "/outcomes", "outcome '" + o.measure() + "' cites unknown source '"
                            + o.source() + "'"));
                }
            }
        }
        validateBiomarker(item.biomarker(), at + "/biomarker", out);
        return out;
    }

    private void validateBiomarker(Knowledge.Biomarker b, String at, List<Violation> out) {
        if (b == null) {
            out.add(new Violation(at, "a biomarker is required (kind 'none' for biomarker-agnostic items)"));
            return;
        }
        if (b.kind() == null || !BIOMARKER_KINDS.contains(b.kind())) {
            out.add(new Violation(at + "/kind", "unknown biomarker kind '" + b.kind() + "'"));
            return;
        }
        // PD-L1, TMB and MSI are signatures or IHC scores, not alterations of one gene.
        boolean needsGene = !Set.of("none", "tmb-high", "msi-high", "pd-l1").contains(b.kind());
        if (needsGene && blank(b.gene())) {
            out.add(new Violation(at + "/gene", "biomarker kind '" + b.kind() + "' needs a gene"));
        }
        if (b.gene() != null && !genes.contains(b.gene())) {
            out.add(new Violation(at + "/gene", "unknown gene '" + b.gene() + "' (not an HGNC symbol known here)"));
        }
        if ("variant".equals(b.kind()) && (b.alteration() == null
                || (ProteinChange.canonical(b.alteration()) == null && !b.alteration().startsWith("c.")))) {
            out.add(new Violation(at + "/alteration", "variant '" + b.alteration() + "' is not a protein change"));
        }
        if ("fusion".equals(b.kind()) && blank(b.partner())) {
            out.add(new Violation(at + "/partner", "a fusion names its partner or ANY"));
        }
        if (b.with() != null) {
            for (Knowledge.CoAlteration co : b.with()) {
                if (co.gene() == null || !genes.contains(co.gene())) {
                    out.add(new Violation(at + "/with", "unknown gene '" + co.gene() + "'"));
                }
            }
        }
    }

    private static void unknownSources(Collection<String> ids, Set<String> known, String at, List<Violation> out) {
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            if (!known.contains(id)) {
                out.add(new Violation(at, "unknown source '" + id + "'"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
