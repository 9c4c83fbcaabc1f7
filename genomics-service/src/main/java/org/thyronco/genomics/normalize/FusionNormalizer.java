package org.thyronco.genomics.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thyronco.genomics.normalize.reference.GeneTable;

/**
 * Normalizes fusion names to "5'::3'" (HGNC/HGVS double colon) from "CCDC6::RET", "CCDC6-RET", "EML4--ALK",
 * "CCDC6/RET", "CCDC6_RET", "RET/PTC1", "ALK-EML4", "--ALK", "RET fusion".
 *
 * <p>Orientation: the given order is kept in {@code fusion}. When a kinase that is the 3' partner of its oncogenic
 * fusions (RET, NTRK1/2/3, ALK, ROS1, BRAF) is written first, it is still reported as {@code threePrimeGene}, with a
 * warning (OncoKB annotator writes "ALK-EML4"; PCGR writes "NTRK1--TPM3"). FGFR1/2/3 are deliberately not in that set:
 * FGFR2 and FGFR3 are the 5' partner of their oncogenic fusions (FGFR3::TACC3, FGFR2::BICC1), so swapping them would
 * be wrong.
 */
final class FusionNormalizer {

    /** Kinases that are the 3' partner of their oncogenic fusions. */
    static final Set<String> THREE_PRIME_KINASES = Set.of("RET", "NTRK1", "NTRK2", "NTRK3", "ALK", "ROS1", "BRAF");

    private static final Pattern RET_PTC = Pattern.compile("(?i)RET/PTC(\\d+)");
    private static final Pattern INTRAGENIC = Pattern.compile("(?i)([A-Za-z0-9.]+)[-_ ]intragenic");
    private static final Pattern FUSION_WORD = Pattern.compile("(?i)[\\s_-]*fusions?$");

    private final GeneTable genes = GeneTable.get();

    /** Normalizes one fusion; {@code breakpoints} (5', 3') are passed through as locations. */
    NormalizationResult normalize(
            String fusionText, String geneText, List<GenomicLocation> breakpoints, String raw, String assay) {
        List<String> warnings = new ArrayList<>();
        String field = "fusion";
        String t = fusionText;
        if (t == null || t.isBlank()) {
            if (geneText == null || geneText.isBlank()) {
                return NormalizationResult.rejected("fusion", "a fusion (e.g. CCDC6::RET) or a gene is required");
            }
            t = geneText;
            field = "gene";
        }
        t = t.trim();
        Matcher intra = INTRAGENIC.matcher(t);
        if (intra.matches()) {
            return NormalizationResult.rejected(field, "intragenic rearrangement is not a functional fusion ("
                    + intra.group(1) + ")");
        }
        t = FUSION_WORD.matcher(t).replaceFirst("").trim();
        Matcher ptc = RET_PTC.matcher(t);
        if (ptc.matches()) {
            String n = ptc.group(1);
            String five = n.equals("1") ? "CCDC6" : n.equals("3") ? "NCOA4" : null;
            if (five == null) {
                return NormalizationResult.rejected(field, "unknown RET/PTC alias '" + t
                        + "' (only RET/PTC1 = CCDC6::RET and RET/PTC3 = NCOA4::RET are mapped)");
            }
            warnings.add("legacy alias " + t + " resolved to " + five + "::RET");
            return build(five + "::RET", five, "RET", breakpoints, raw, assay, warnings);
        }
        String[] sides = split(t);
        if (sides == null) {
            return NormalizationResult.rejected(field, "cannot split '" + t + "' into two known genes");
        }
        if (sides.length > 2) {
            return NormalizationResult.rejected(field, "fusions of more than two genes are not supported ('" + t
                    + "')");
        }
        String left = sides[0];
        String right = sides.length == 2 ? sides[1] : null;
        boolean explicitMissing = sides.length == 2 && (left.isEmpty() || right.isEmpty());
        String five = null;
        String three = null;
        if (!left.isEmpty() && !left.equals("?")) {
            GeneTable.Resolution r = genes.resolve(left);
            if (r == null) {
                return NormalizationResult.rejected(field, "unknown gene symbol '" + left + "'");
            }
            if (r.viaAlias()) {
                warnings.add("gene alias '" + left + "' resolved to " + r.symbol());
            }
            five = r.symbol();
        }
        if (right != null && !right.isEmpty() && !right.equals("?")) {
            GeneTable.Resolution r = genes.resolve(right);
            if (r == null) {
                return NormalizationResult.rejected(field, "unknown gene symbol '" + right + "'");
            }
            if (r.viaAlias()) {
                warnings.add("gene alias '" + right + "' resolved to " + r.symbol());
            }
            three = r.symbol();
        }
        if (five == null && three == null) {
            return NormalizationResult.rejected(field, "no gene given in '" + t + "'");
        }
        if (five != null && five.equals(three)) {
            return NormalizationResult.rejected(field, "intragenic rearrangement is not a functional fusion (" + five
                    + "::" + three + ")");
        }
        String fusion = (five == null ? "?" : five) + "::" + (three == null ? "?" : three);
        if (sides.length == 1) {
            // a single gene without side information: only a 3'-kinase can be placed
            if (!THREE_PRIME_KINASES.contains(five)) {
                return NormalizationResult.rejected(field, "fusion partner not given and the orientation of " + five
                        + " is unknown (only RET, NTRK1-3, ALK, ROS1 and BRAF are placed 3')");
            }
            warnings.add("partner not given");
            return build("?::" + five, null, five, breakpoints, raw, assay, warnings);
        }
        if (five == null || three == null) {
            warnings.add("partner not given");
        }
        String fivePrime = five;
        String threePrime = three;
        if (five != null && THREE_PRIME_KINASES.contains(five) && (three == null || !THREE_PRIME_KINASES.contains(
                three))) {
            warnings.add("kinase gene given 5'; treated as 3' partner");
            fivePrime = three;
            threePrime = five;
        }
        if (explicitMissing && fivePrime == null && threePrime == null) {
            return NormalizationResult.rejected(field, "no gene given in '" + t + "'");
        }
        return build(fusion, fivePrime, threePrime, breakpoints, raw, assay, warnings);
    }

    private static NormalizationResult build(
            String fusion,
            String five,
            String three,
            List<GenomicLocation> breakpoints,
            String raw,
            String assay,
            List<String> warnings) {
        NormalizedFinding f = new NormalizedFinding(
                FindingType.FUSION,
                three != null ? three : five,
                null,
                null,
                VariantClass.FUSION,
                breakpoints,
                null,
                fusion,
                five,
                three,
                null,
                null,
                null,
                null,
                null,
                assay,
                raw,
                warnings);
        return NormalizationResult.accepted(f);
    }

    /**
     * Splits on "::", "--", "/" (unambiguous) or a single "-", "_" or space, choosing the split where both sides are
     * known genes (symbols such as HLA-A contain '-'). Returns one element when there is no separator, null when no
     * split yields known genes.
     */
    private String[] split(String t) {
        for (String sep : new String[] {"::", "--", "/"}) {
            if (t.contains(sep)) {
                String[] parts = t.split(Pattern.quote(sep), -1);
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = parts[i].trim();
                }
                return parts;
            }
        }
        if (genes.resolve(t) != null) {
            return new String[] {t};
        }
        List<String[]> candidates = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '-' || ch == '_' || ch == ' ') {
                String a = t.substring(0, i).trim();
                String b = t.substring(i + 1).trim();
                boolean aOk = a.isEmpty() || a.equals("?") || genes.resolve(a) != null;
                boolean bOk = b.isEmpty() || b.equals("?") || genes.resolve(b) != null;
                if (aOk && bOk && !(a.isEmpty() && b.isEmpty())) {
                    candidates.add(new String[] {a, b});
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            // report the first unknown symbol rather than a generic failure
            String[] parts = t.split("[-_ ]", 2);
            if (parts.length == 2) {
                return parts;
            }
            return new String[] {t};
        }
        return null;
    }
}
