package org.thyronco.genomics.normalize;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thyronco.genomics.normalize.reference.Chromosomes;

/**
 * Streams a fusion table and normalizes each row to "5'::3'" or rejects it with line and column. Layouts, recognised
 * by header: PCGR/STAR-Fusion ({@code FusionGene LeftBreakpoint RightBreakpoint SplitReads}, "EML4--ALK", "--ALK"),
 * OncoKB annotator fusions ({@code Tumor_Sample_Barcode Fusion}, "ALK-EML4", "MLL2-intragenic") and OncoKB annotator
 * structural variants ({@code Tumor_Sample_Barcode GeneA GeneB Sv_Type}; only FUSION rows are fusions). Breakpoints
 * ("chr:pos") are checked against the chromosome lengths of the declared build and returned as locations.
 */
public final class FusionTsvIntake {

    private enum Layout {
        PCGR,
        ONCOKB_FUSION,
        ONCOKB_SV
    }

    private final FindingNormalizer normalizer;

    public FusionTsvIntake() {
        this(new FindingNormalizer());
    }

    public FusionTsvIntake(FindingNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * Reads the stream to its end. {@code declaredBuildOrNull} is needed to check and report breakpoints (without it
     * breakpoints are ignored with a warning); {@code sampleOrNull} keeps only rows of that Tumor_Sample_Barcode.
     */
    public IntakeSummary read(InputStream in, GenomeBuild declaredBuildOrNull, String sampleOrNull, IntakeSink sink)
            throws MalformedInputException {
        try (TextSource src = TextSource.open(in)) {
            String line;
            while ((line = src.next()) != null && (line.startsWith("#") || line.isBlank())) {
                // comments
            }
            if (line == null) {
                throw new MalformedInputException(FieldError.at("header", src.line(), null, "no header line"));
            }
            String[] header = line.split("\t", -1);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                col.put(header[i].trim(), i);
            }
            Layout layout;
            if (col.containsKey("FusionGene")) {
                layout = Layout.PCGR;
            } else if (col.containsKey("Fusion")) {
                layout = Layout.ONCOKB_FUSION;
            } else if (col.containsKey("GeneA") && col.containsKey("GeneB")) {
                layout = Layout.ONCOKB_SV;
            } else {
                throw new MalformedInputException(FieldError.at("header", src.line(), null, header.length < 2
                        ? "the header is not tab-separated"
                        : "unrecognized fusion table header: expected FusionGene (PCGR), Fusion (OncoKB annotator)"
                                + " or GeneA/GeneB (OncoKB structural variants)"));
            }
            long read = 0;
            long accepted = 0;
            long rejected = 0;
            while ((line = src.next()) != null) {
                long ln = src.line();
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                read++;
                String[] f = line.split("\t", -1);
                if (f.length != header.length) {
                    sink.reject(FieldError.at("record", ln, Math.min(f.length, header.length) + 1, "expected "
                            + header.length + " tab-separated columns (as in the header), found " + f.length));
                    rejected++;
                    continue;
                }
                FieldError err = null;
                NormalizedFinding finding = null;
                Integer sampleCol = col.get("Tumor_Sample_Barcode");
                if (sampleOrNull != null && sampleCol != null && !f[sampleCol].trim().equals(sampleOrNull)) {
                    err = FieldError.at("Tumor_Sample_Barcode", ln, sampleCol + 1, "row is for sample "
                            + f[sampleCol].trim() + ", not " + sampleOrNull);
                } else {
                    Object r = normalizeRow(layout, f, col, ln, declaredBuildOrNull);
                    if (r instanceof FieldError e) {
                        err = e;
                    } else {
                        finding = (NormalizedFinding) r;
                    }
                }
                if (finding != null) {
                    sink.accept(ln, finding);
                    accepted++;
                } else {
                    sink.reject(err);
                    rejected++;
                }
            }
            return new IntakeSummary(read, accepted, rejected, declaredBuildOrNull);
        }
    }

    private Object normalizeRow(Layout layout, String[] f, Map<String, Integer> col, long ln, GenomeBuild build) {
        String fusionColumn;
        String text;
        List<GenomicLocation> breakpoints = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        switch (layout) {
            case PCGR: {
                fusionColumn = "FusionGene";
                text = f[col.get(fusionColumn)].trim();
                for (String bpCol : new String[] {"LeftBreakpoint", "RightBreakpoint"}) {
                    Integer i = col.get(bpCol);
                    if (i == null || f[i].isBlank()) {
                        continue;
                    }
                    if (build == null) {
                        warnings.add("breakpoints not checked or reported: no genome build declared");
                        continue;
                    }
                    Object bp = breakpoint(f[i].trim(), build, bpCol, ln, i + 1);
                    if (bp instanceof FieldError e) {
                        return e;
                    }
                    breakpoints.add((GenomicLocation) bp);
                }
                break;
            }
            case ONCOKB_FUSION:
                fusionColumn = "Fusion";
                text = f[col.get(fusionColumn)].trim();
                break;
            default: {
                fusionColumn = "GeneA";
                String a = f[col.get("GeneA")].trim();
                String b = f[col.get("GeneB")].trim();
                Integer t = col.get("Sv_Type");
                String type = t == null ? "FUSION" : f[t].trim();
                if (a.equalsIgnoreCase(b)) {
                    return FieldError.at("GeneB", ln, col.get("GeneB") + 1,
                            "intragenic rearrangement is not a functional fusion (" + a + " " + type + ")");
                }
                if (!type.equalsIgnoreCase("FUSION")) {
                    return FieldError.at("Sv_Type", ln, t + 1, "structural variant type " + type
                            + " is not a fusion call");
                }
                text = a + "::" + b;
                break;
            }
        }
        if (text.isEmpty()) {
            return FieldError.at(fusionColumn, ln, col.get(fusionColumn) + 1, "no fusion given");
        }
        NormalizationResult r = normalizer.normalizeFusion(text, breakpoints, text);
        if (!r.ok()) {
            FieldError e = r.errors().get(0);
            return FieldError.at(fusionColumn, ln, col.get(fusionColumn) + 1, e.reason());
        }
        NormalizedFinding out = r.finding();
        for (String w : warnings) {
            out = out.withWarning(w);
        }
        return out;
    }

    private static Object breakpoint(String text, GenomeBuild build, String column, long ln, int colNo) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return FieldError.at(column, ln, colNo, column + " '" + text + "' is not chrom:pos");
        }
        String chrom = Chromosomes.normalize(text.substring(0, colon));
        if (chrom == null) {
            return FieldError.at(column, ln, colNo, "unknown contig in " + column + " '" + text
                    + "' (only 1-22, X, Y, MT)");
        }
        long pos;
        try {
            pos = Long.parseLong(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            return FieldError.at(column, ln, colNo, column + " position '" + text.substring(colon + 1)
                    + "' is not a number");
        }
        long len = Chromosomes.length(build, chrom);
        if (pos < 1 || pos > len) {
            return FieldError.at(column, ln, colNo, column + " " + text + " is outside chromosome " + chrom + " on "
                    + build + " (1-" + len + ")");
        }
        return new GenomicLocation(build, chrom, pos, null, null);
    }
}
