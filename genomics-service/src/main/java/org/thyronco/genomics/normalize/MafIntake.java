package org.thyronco.genomics.normalize;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thyronco.genomics.normalize.hgvs.HgvsFormat;
import org.thyronco.genomics.normalize.hgvs.HgvsParseException;
import org.thyronco.genomics.normalize.hgvs.HgvsParser;

/**
 * Streams a MAF (Mutation Annotation Format; the OncoKB annotator layout: NCBI_Build, Hugo_Symbol,
 * Variant_Classification, Tumor_Sample_Barcode, HGVSp_Short, HGVSp, HGVSg, Chromosome, Start_Position, End_Position,
 * Reference_Allele, Tumor_Seq_Allele1, Tumor_Seq_Allele2; columns found by name, extra columns ignored, "#" lines
 * skipped). Each row is normalized (gene, protein change, genomic allele cross-checked) or rejected with line and
 * column.
 *
 * <p>MAF indels use "-" for an empty allele; without the reference genome they cannot be anchored VCF-style, so such a
 * row keeps its gene and protein change but no genomic location (with a warning). "p.X1445_splice" is read as a
 * splice-site variant without protein change.
 */
public final class MafIntake {

    private static final String[] KNOWN = {
        "NCBI_Build", "Hugo_Symbol", "Variant_Classification", "Tumor_Sample_Barcode", "HGVSp_Short", "HGVSp",
        "HGVSc", "HGVSg", "Chromosome", "Start_Position", "End_Position", "Reference_Allele", "Tumor_Seq_Allele1",
        "Tumor_Seq_Allele2", "Transcript_ID"
    };

    private static final Pattern HGVSG_DELINS = Pattern.compile("(\\w+):g\\.(\\d+)_(\\d+)delins([ACGTNacgtn]+)");

    private final FindingNormalizer normalizer;

    public MafIntake() {
        this(new FindingNormalizer());
    }

    public MafIntake(FindingNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * Reads the stream to its end. {@code declaredBuildOrNull} must agree with each row's NCBI_Build; rows without one
     * use it. {@code sampleOrNull} keeps only rows of that Tumor_Sample_Barcode (others are rejected as not selected).
     */
    public IntakeSummary read(InputStream in, GenomeBuild declaredBuildOrNull, String sampleOrNull, IntakeSink sink)
            throws MalformedInputException {
        try (TextSource src = TextSource.open(in)) {
            String line;
            while ((line = src.next()) != null && (line.startsWith("#") || line.isBlank())) {
                // MAF version comments
            }
            if (line == null) {
                throw new MalformedInputException(FieldError.at("header", src.line(), null, "no MAF header line"));
            }
            String[] header = line.split("\t", -1);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                for (String k : KNOWN) {
                    if (k.equalsIgnoreCase(header[i].trim())) {
                        col.put(k, i);
                    }
                }
            }
            if (!col.containsKey("Hugo_Symbol")) {
                throw new MalformedInputException(FieldError.at("header", src.line(), null, header.length < 2
                        ? "the header is not tab-separated"
                        : "MAF header lacks the Hugo_Symbol column"));
            }
            long read = 0;
            long accepted = 0;
            long rejected = 0;
            GenomeBuild used = declaredBuildOrNull;
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
                Row row = new Row(f, col, ln);
                String sample = row.get("Tumor_Sample_Barcode");
                if (sampleOrNull != null && sample != null && !sample.equals(sampleOrNull)) {
                    sink.reject(row.error("Tumor_Sample_Barcode", "row is for sample " + sample + ", not "
                            + sampleOrNull));
                    rejected++;
                    continue;
                }
                FieldError err = null;
                GenomeBuild build = declaredBuildOrNull;
                String b = row.get("NCBI_Build");
                if (b != null) {
                    GenomeBuild rb = GenomeBuild.fromText(b);
                    if (rb == null) {
                        err = row.error("NCBI_Build", "unknown NCBI_Build '" + b + "'");
                    } else if (declaredBuildOrNull != null && rb != declaredBuildOrNull) {
                        err = row.error("NCBI_Build", "build mismatch: row says " + rb + ", file declared "
                                + declaredBuildOrNull);
                    } else {
                        build = rb;
                    }
                }
                Result r = err == null ? normalizeRow(row, build) : new Result(null, err);
                if (r.finding != null) {
                    sink.accept(ln, r.finding);
                    accepted++;
                    if (build != null) {
                        used = build;
                    }
                } else {
                    sink.reject(r.error);
                    rejected++;
                }
            }
            return new IntakeSummary(read, accepted, rejected, used);
        }
    }

    private record Result(NormalizedFinding finding, FieldError error) {}

    private Result normalizeRow(Row row, GenomeBuild build) {
        String gene = row.get("Hugo_Symbol");
        if (gene == null) {
            return new Result(null, row.error("Hugo_Symbol", "Hugo_Symbol is empty"));
        }
        String shortP = row.get("HGVSp_Short");
        String longP = row.get("HGVSp");
        boolean splice = false;
        for (String p : new String[] {shortP, longP}) {
            if (p != null && p.matches("(p\\.)?[A-Z*]?\\d+_splice")) {
                splice = true;
            }
        }
        if (splice) {
            shortP = null;
            longP = null;
        }
        String proteinColumn = shortP != null ? "HGVSp_Short" : "HGVSp";
        String protein = shortP != null ? shortP : longP;
        if (shortP != null && longP != null) {
            String a;
            String c;
            try {
                a = HgvsFormat.protein(HgvsParser.lenient().parseProtein(proteinText(shortP)));
            } catch (HgvsParseException e) {
                return new Result(null, row.error("HGVSp_Short", e.getMessage()));
            }
            try {
                c = HgvsFormat.protein(HgvsParser.lenient().parseProtein(proteinText(longP)));
            } catch (HgvsParseException e) {
                return new Result(null, row.error("HGVSp", e.getMessage()));
            }
            if (!a.equals(c)) {
                return new Result(null, row.error("HGVSp", "HGVSp " + c + " disagrees with HGVSp_Short " + a));
            }
        }
        List<String> warnings = new java.util.ArrayList<>();
        String genomic = null;
        String genomicColumn = "Start_Position";
        String chrom = row.get("Chromosome");
        String start = row.get("Start_Position");
        String end = row.get("End_Position");
        String ref = row.get("Reference_Allele");
        String alt = row.get("Tumor_Seq_Allele2");
        String alt1 = row.get("Tumor_Seq_Allele1");
        if (alt == null || alt.equals(ref)) {
            alt = alt1;
        }
        if (chrom != null && start != null && ref != null && alt != null) {
            if (ref.equals("-") || alt.equals("-")) {
                warnings.add("MAF indel allele '-' cannot be anchored without the reference genome; genomic"
                        + " location omitted");
            } else {
                if (end != null && start.matches("\\d+") && end.matches("\\d+")
                        && Long.parseLong(end) - Long.parseLong(start) + 1 != ref.length()) {
                    return new Result(null, row.error("End_Position", "End_Position " + end
                            + " does not match Start_Position " + start + " and Reference_Allele " + ref));
                }
                genomic = chrom + ":" + start + ":" + ref + ":" + alt;
            }
        }
        String hgvsg = row.get("HGVSg");
        if (hgvsg != null) {
            if (genomic == null && warnings.isEmpty()) {
                genomic = hgvsg.contains(":") ? hgvsg : chrom + ":" + hgvsg;
                genomicColumn = "HGVSg";
            } else if (genomic != null) {
                String check = hgvsg.contains(":") ? hgvsg : chrom + ":" + hgvsg;
                FieldError e = compareGenomic(row, genomic, check, build);
                if (e != null) {
                    return new Result(null, e);
                }
            }
        }
        if (splice && genomic == null) {
            return new Result(null, row.error(row.get("HGVSp_Short") != null ? "HGVSp_Short" : "HGVSp",
                    "MAF splice notation without a genomic allele cannot be normalized (no protein change to report)"));
        }
        FindingInput in = new FindingInput(FindingType.VARIANT, gene, protein == null ? null : proteinText(protein),
                null, genomic, build, null, null, null, null, null, null, null);
        NormalizationResult r = normalizer.normalizeVariant(in, new VariantNormalizer.Hints(null, null, splice));
        if (!r.ok()) {
            FieldError e = r.errors().get(0);
            String column;
            switch (e.field()) {
                case "gene":
                    column = "Hugo_Symbol";
                    break;
                case "variant":
                    column = proteinColumn;
                    break;
                case "genomic":
                    column = e.reason().startsWith("reference base mismatch") && genomicColumn.equals("Start_Position")
                            ? "Reference_Allele"
                            : genomicColumn;
                    break;
                case "build":
                    column = "NCBI_Build";
                    break;
                default:
                    column = null;
            }
            return new Result(null, row.error(column, e.reason()));
        }
        NormalizedFinding f = r.finding();
        for (String w : warnings) {
            f = f.withWarning(w);
        }
        VariantClass stated = classOf(row.get("Variant_Classification"));
        if (stated != null && stated != f.variantClass()) {
            f = f.withWarning("Variant_Classification " + row.get("Variant_Classification")
                    + " disagrees with the derived class " + f.variantClass());
        }
        return new Result(f.withRaw(String.join(" ", nonNull(gene, protein, genomic))), null);
    }

    private static FieldError compareGenomic(Row row, String columns, String hgvsg, GenomeBuild build) {
        Matcher m = HGVSG_DELINS.matcher(hgvsg);
        if (m.matches()) {
            // a g. delins does not state the deleted bases: compare its interval and inserted bases with the columns
            String[] c = columns.split(":");
            long start = Long.parseLong(c[1]);
            boolean same = m.group(1).replaceFirst("^chr", "").equals(c[0].replaceFirst("^chr", ""))
                    && Long.parseLong(m.group(2)) == start
                    && Long.parseLong(m.group(3)) == start + c[2].length() - 1
                    && m.group(4).equalsIgnoreCase(c[3]);
            return same ? null : row.error("HGVSg", "HGVSg " + hgvsg + " disagrees with the allele columns " + columns);
        }
        try {
            GenomicText.Parsed a = GenomicText.parse(columns, build);
            GenomicText.Parsed b = GenomicText.parse(hgvsg, build);
            GenomicLocation la = VariantNormalizer.trim(build, a.contig(), a.position(), a.ref(), a.alt());
            GenomicLocation lb = VariantNormalizer.trim(build, b.contig(), b.position(), b.ref(), b.alt());
            if (!la.text().replace("chr", "").equals(lb.text().replace("chr", ""))) {
                return row.error("HGVSg", "HGVSg " + hgvsg + " disagrees with the allele columns " + columns);
            }
            return null;
        } catch (GenomicText.GenomicParseException e) {
            return row.error("HGVSg", e.getMessage());
        }
    }

    private static String proteinText(String p) {
        String t = p.trim();
        int colon = t.indexOf(':');
        if (colon >= 0) {
            t = t.substring(colon + 1);
        }
        return t.startsWith("p.") ? t : "p." + t;
    }

    private static String[] nonNull(String... parts) {
        return java.util.Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).toArray(String[]::new);
    }

    private static VariantClass classOf(String mafClass) {
        if (mafClass == null) {
            return null;
        }
        switch (mafClass) {
            case "Missense_Mutation":
                return VariantClass.MISSENSE;
            case "Nonsense_Mutation":
                return VariantClass.NONSENSE;
            case "Silent":
                return VariantClass.SYNONYMOUS;
            case "Frame_Shift_Del":
            case "Frame_Shift_Ins":
                return VariantClass.FRAMESHIFT;
            case "In_Frame_Del":
                return VariantClass.INFRAME_DELETION;
            case "In_Frame_Ins":
                return VariantClass.INFRAME_INSERTION;
            case "Splice_Site":
                return VariantClass.SPLICE;
            case "Translation_Start_Site":
                return VariantClass.START_LOST;
            case "Nonstop_Mutation":
                return VariantClass.STOP_LOST;
            case "5'Flank":
                return VariantClass.PROMOTER;
            default:
                return null;
        }
    }

    /** One data row with named access; empty strings and "." read as null. */
    private static final class Row {
        private final String[] f;
        private final Map<String, Integer> col;
        private final long line;

        Row(String[] f, Map<String, Integer> col, long line) {
            this.f = f;
            this.col = col;
            this.line = line;
        }

        String get(String name) {
            Integer i = col.get(name);
            if (i == null) {
                return null;
            }
            String v = f[i].trim();
            return v.isEmpty() || v.equals(".") || v.equalsIgnoreCase("NA") ? null : v;
        }

        FieldError error(String name, String reason) {
            Integer i = name == null ? null : col.get(name);
            return FieldError.at(name == null ? "record" : name, line, i == null ? null : i + 1, reason);
        }
    }
}
