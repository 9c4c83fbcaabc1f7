package org.thyronco.therapy.engine;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a normalized finding satisfies a knowledge item's biomarker, and how precisely. Precision over
 * recall: anything not positively established does not match.
 */
final class BiomarkerRules {

    /**
     * Variants accepted as "activating" for items coded with kind {@code activating}. Only alleles the
     * clinical fact sheet names (DOMAIN.md §3.1): RET M918T in MTC (Wirth NEJM 2020), NRAS/HRAS Q61,
     * KRAS G12C, PIK3CA H1047R and E545K. An allele not listed here is not assumed activating.
     */
    static final Map<String, Set<String>> ACTIVATING = Map.of(
            "RET", Set.of("M918T"),
            "NRAS", Set.of("Q61R", "Q61K", "Q61L"),
            "HRAS", Set.of("Q61R"),
            "KRAS", Set.of("G12C"),
            "PIK3CA", Set.of("H1047R", "E545K"),
            "BRAF", Set.of("V600E"));

    private static final Pattern SUBSTITUTION = Pattern.compile("p\\.([A-Z])(\\d+)([A-Z*=])");

    private BiomarkerRules() {}

    /** The granularity of a match, or null when the finding does not satisfy the biomarker. */
    static String match(Knowledge.Item item, Profile.Finding f) {
        Knowledge.Biomarker b = item.biomarker();
        if (b == null || f == null) {
            return null;
        }
        boolean prognostic = "prognostic".equals(item.significance());
        return switch (b.kind()) {
            case "variant" -> variant(b.gene(), b.alteration(), f);
            case "codon" -> codon(b.gene(), b.codon(), f);
            case "activating" -> activating(b.gene(), f, prognostic);
            case "fusion" -> fusion(b.gene(), b.partner(), f);
            case "amplification" -> copyNumber(b.gene(), "AMPLIFICATION", f);
            case "deletion" -> copyNumber(b.gene(), "DELETION", f);
            case "tmb-high" -> "TMB".equals(f.type()) && f.tmb() != null && b.threshold() != null
                    && f.tmb() >= b.threshold() ? "signature" : null;
            case "msi-high" -> "MSI".equals(f.type()) && "MSI-H".equals(f.msi()) ? "signature" : null;
            case "pd-l1" -> "PD_L1".equals(f.type()) && f.pdl1Value() != null && b.threshold() != null
                    && b.score() != null && b.score().equalsIgnoreCase(f.pdl1Score())
                    && f.pdl1Value() >= b.threshold() ? "signature" : null;
            // Exons, expression and co-occurrence need data a finding alone does not carry (co-occurrence
            // is checked by the matcher across findings).
            default -> null;
        };
    }

    static String variant(String gene, String alteration, Profile.Finding f) {
        if (!"VARIANT".equals(f.type()) || !gene.equals(f.gene()) || alteration == null) {
            return null;
        }
        if (alteration.startsWith("c.")) {
            // Promoter / non-coding items are coded as c. (TERT c.-124C>T): compare the c. part exactly.
            return f.hgvsc() != null && f.hgvsc().endsWith(":" + alteration) || alteration.equals(f.hgvsc())
                    ? "exact-variant" : null;
        }
        String p = protein(f);
        if (p == null || p.endsWith("=")) {
            return null; // synonymous or not derived: never matches
        }
        return p.equals(alteration.startsWith("p.") ? alteration.substring(2) : alteration) ? "exact-variant" : null;
    }

    static String codon(String gene, Integer codon, Profile.Finding f) {
        if (codon == null || !"VARIANT".equals(f.type()) || !gene.equals(f.gene())) {
            return null;
        }
        Matcher m = SUBSTITUTION.matcher(f.proteinChange() == null ? "" : f.proteinChange());
        if (!m.matches() || Integer.parseInt(m.group(2)) != codon) {
            return null;
        }
        String alt = m.group(3);
        return "=".equals(alt) || "*".equals(alt) || alt.equals(m.group(1)) ? null : "codon";
    }

    static String activating(String gene, Profile.Finding f, boolean prognostic) {
        if (!"VARIANT".equals(f.type()) || !gene.equals(f.gene())) {
            return null;
        }
        String p = protein(f);
        if (prognostic) {
            // A prognostic statement about a gene's mutations (TP53) covers any protein-altering variant.
            return p != null && !p.endsWith("=") ? "gene" : null;
        }
        return p != null && ACTIVATING.getOrDefault(gene, Set.of()).contains(p) ? "exact-variant" : null;
    }

    static String fusion(String kinase, String partner, Profile.Finding f) {
        if (!"FUSION".equals(f.type()) || kinase == null || !kinase.equals(f.threePrimeGene())) {
            return null;
        }
        if (partner == null || "ANY".equals(partner)) {
            return "any-partner";
        }
        return partner.equals(f.fivePrimeGene()) ? "fusion-partner" : null;
    }

    static String copyNumber(String gene, String change, Profile.Finding f) {
        return "COPY_NUMBER".equals(f.type()) && gene != null && gene.equals(f.gene()) && change.equals(f.copyNumber())
                ? "gene" : null;
    }

    /** "V600E" from "p.V600E"; null when the finding has no derived protein change. */
    static String protein(Profile.Finding f) {
        String p = f.proteinChange();
        if (p == null) {
            return null;
        }
        return p.startsWith("p.") ? p.substring(2) : p;
    }
}
