package org.thyronco.genomics.normalize;

import htsjdk.tribble.readers.LineIterator;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thyronco.genomics.normalize.reference.Chromosomes;

/**
 * Streams a VCF (plain, gzip or bgzip; detected by magic bytes) and normalizes every ALT allele of every record, or
 * rejects it with its 1-based line and column (1=CHROM, 2=POS, 4=REF, 5=ALT, 7=FILTER, 10+ samples). The header and
 * each record are decoded by htsjdk's {@link VCFCodec}, fed line by line so that every error keeps its position.
 *
 * <p>Records are split per ALT allele and trimmed to minimal representation. Alleles at hotspot codons are annotated
 * with gene and protein change; any other allele becomes a VARIANT finding without protein change (gene from an INFO
 * CSQ/ANN annotation when present). Indels are not left-aligned (that needs the reference FASTA). Filtered records
 * (FILTER not PASS or '.') and ALT alleles absent from the tumour sample's called genotype are rejected with a reason.
 */
public final class VcfIntake {

    private static final String[] FIXED = {"CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"};
    private static final Pattern CONTIG = Pattern.compile("##contig=<(.*)>");
    private static final Pattern ATTR = Pattern.compile("(\\w+)=(\"[^\"]*\"|[^,]*)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PIPE = Pattern.compile("\\|");

    /** Records per hand-off to the executor: large enough to amortize the hand-off, small enough to stay in cache. */
    static final int BATCH = 1024;

    private final FindingNormalizer normalizer;
    private final Executor executor;

    /** Decodes and normalizes on the calling thread. */
    public VcfIntake() {
        this(new FindingNormalizer(), Runnable::run);
    }

    /**
     * Decodes and normalizes batches of records on {@code executor}, two batches at a time: htsjdk decoding and
     * normalization (VRS digests included) are all CPU, so on two cores a large file is read in a little over half
     * the time. The sink still sees every record in file order, from the calling thread.
     */
    public VcfIntake(Executor executor) {
        this(new FindingNormalizer(), executor);
    }

    public VcfIntake(FindingNormalizer normalizer, Executor executor) {
        this.normalizer = normalizer;
        this.executor = executor;
    }

    /**
     * Reads the stream to its end. {@code declaredBuildOrNull} must agree with the header when the header states a
     * build; one of them is required. {@code sampleOrNull} selects the tumour sample (else TUMOR/TUMOUR, else the
     * first).
     */
    public IntakeSummary read(InputStream in, GenomeBuild declaredBuildOrNull, String sampleOrNull, IntakeSink sink)
            throws MalformedInputException {
        try (TextSource src = TextSource.open(in)) {
            return read(src, declaredBuildOrNull, sampleOrNull, sink);
        }
    }

    private IntakeSummary read(TextSource src, GenomeBuild declared, String sampleName, IntakeSink sink)
            throws MalformedInputException {
        List<String> header = new ArrayList<>();
        String first = src.next();
        if (first == null || !first.startsWith("##fileformat=VCF")) {
            throw new MalformedInputException(FieldError.at("header", 1, null,
                    "missing VCF header: the first line must be ##fileformat=VCFv4.x, found '" + abbreviate(first)
                            + "'"));
        }
        header.add(first);
        List<BuildEvidence> evidence = new ArrayList<>();
        String line;
        while ((line = src.next()) != null && line.startsWith("##")) {
            header.add(line);
            evidence(line, src.line(), evidence);
        }
        if (line == null || !line.startsWith("#CHROM")) {
            throw new MalformedInputException(FieldError.at("header", src.line() + (line == null ? 1 : 0), null,
                    "missing #CHROM header line"));
        }
        long chromLine = src.line();
        String[] cols = line.split("\t", -1);
        checkHeaderColumns(cols, line, chromLine);
        header.add(line);
        VCFCodec codec = new VCFCodec();
        VCFHeader vcfHeader;
        try {
            vcfHeader = (VCFHeader) codec.readActualHeader(new ListLineIterator(header));
        } catch (RuntimeException e) {
            throw new MalformedInputException(FieldError.at("header", chromLine, null,
                    "invalid VCF header: " + e.getMessage()));
        }
        GenomeBuild build = resolveBuild(declared, evidence, chromLine);
        List<String> samples = vcfHeader.getGenotypeSamples();
        int sampleIdx = pickSample(samples, sampleName, chromLine);
        Annotation csq = Annotation.of(vcfHeader, "CSQ", "SYMBOL");
        Annotation ann = Annotation.of(vcfHeader, "ANN", "Gene_Name");

        long read = 0;
        Records records = new Records(build, cols.length, samples, sampleIdx, csq, ann, normalizer);
        // The decoding codecs see the eight site columns only. htsjdk decodes a record's genotypes eagerly, every
        // FORMAT field of every sample, whenever the header's samples are not in alphabetical order (TUMOR before
        // NORMAL is not); the one genotype that matters, the tumour's GT, is read from its column instead.
        List<String> siteHeader = new ArrayList<>(header.subList(0, header.size() - 1));
        siteHeader.add(String.join("\t", Arrays.copyOf(cols, FIXED.length)));
        Pipeline out = new Pipeline(sink, records, executor, siteCodec(siteHeader), siteCodec(siteHeader));
        while ((line = src.next()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            read++;
            out.add(line, src.line());
        }
        out.finish();
        return new IntakeSummary(read, out.accepted, out.rejected, build);
    }

    /** What every record of one file is read against: build, columns, tumour sample, gene annotations. */
    private record Records(GenomeBuild build, int columns, List<String> samples, int sampleIdx, Annotation csq,
            Annotation ann, FindingNormalizer normalizer) {

        /** Decodes and normalizes one record: its alleles, or why it is skipped or rejected, appended to {@code out}. */
        void read(String line, long ln, VCFCodec codec, List<Outcome> out) {
            if (line.startsWith("#")) {
                out.add(Outcome.rejected(FieldError.at("record", ln, 1, "header line after the #CHROM line")));
                return;
            }
            String[] f = fields(line, '\t');
            if (f.length != columns) {
                out.add(Outcome.rejected(FieldError.at("record", ln, Math.min(f.length, columns) + 1, "expected "
                        + columns + " tab-separated columns (as in the #CHROM line), found " + f.length)));
                return;
            }
            String[] alts = fields(f[4], ',');
            FieldError pre = precheck(f, alts, build, ln);
            if (pre != null) {
                // A filtered or reference-only call is not malformed: leave it out, keep the file.
                out.add(isFilteredOut(pre) ? Outcome.skipped(pre) : Outcome.rejected(pre));
                return;
            }
            VariantContext vc;
            try {
                vc = codec.decode(f.length > FIXED.length ? siteColumns(line) : line);
            } catch (RuntimeException e) {
                out.add(Outcome.rejected(FieldError.at("record", ln, null, "htsjdk could not decode the record: "
                        + e.getMessage())));
                return;
            }
            String gtText = sampleIdx >= 0 ? gt(f[8], f[9 + sampleIdx]) : null;
            int[] called = gtText == null ? null : calledAlleles(gtText);
            if (gtText != null && called == null) {
                out.add(Outcome.rejected(FieldError.at(samples.get(sampleIdx), ln, 10 + sampleIdx, "GT '" + gtText
                        + "' of sample " + samples.get(sampleIdx) + " is not a genotype (allele indices separated by "
                        + "/ or |)")));
                return;
            }
            for (int a = 0; a < alts.length; a++) {
                String alt = alts[a].toUpperCase(Locale.ROOT);
                if (called != null && called.length > 0 && !contains(called, a + 1)) {
                    out.add(Outcome.skipped(FieldError.at(samples.get(sampleIdx), ln, 10 + sampleIdx, "ALT allele "
                            + alt + " is not in the genotype of sample " + samples.get(sampleIdx) + " (GT=" + gtText
                            + ")")));
                    continue;
                }
                String gene = csq.gene(vc, alt, f[3], alts.length);
                String source = "INFO/CSQ";
                if (gene == null) {
                    gene = ann.gene(vc, alt, f[3], alts.length);
                    source = "INFO/ANN";
                }
                String genomic = f[0] + ":" + f[1] + ":" + f[3].toUpperCase(Locale.ROOT) + ":" + alt;
                NormalizationResult r = normalizer.normalizeVariant(FindingInput.genomic(genomic, build),
                        new VariantNormalizer.Hints(gene, source, false));
                if (r.ok()) {
                    out.add(Outcome.accepted(ln, r.finding().withRaw(f[0] + " " + f[1] + " " + f[3] + " " + alts[a])));
                } else {
                    List<FieldError> located = new ArrayList<>(r.errors().size());
                    for (FieldError e : r.errors()) {
                        located.add(e.located(ln, column(e), columnName(column(e))));
                    }
                    out.add(new Outcome(ln, null, located, false));
                }
            }
        }
    }

    /**
     * Records on their way to the sink. Lines are read on the calling thread and handed over in batches; a batch is
     * decoded and normalized on the executor, at most two at a time (one htsjdk codec each, since a codec keeps
     * per-record state), and its outcomes reach the sink on the calling thread, in file order.
     */
    private static final class Pipeline {

        private final IntakeSink sink;
        private final Records records;
        private final Executor executor;
        private final VCFCodec[] codecs;
        private final ArrayDeque<CompletableFuture<List<Outcome>>> inFlight = new ArrayDeque<>(2);
        private List<String> lines = new ArrayList<>(BATCH);
        private long[] lineNumbers = new long[BATCH];
        private long handedOver;
        long accepted;
        long rejected;

        Pipeline(IntakeSink sink, Records records, Executor executor, VCFCodec... codecs) {
            this.sink = sink;
            this.records = records;
            this.executor = executor;
            this.codecs = codecs;
        }

        void add(String line, long ln) {
            lineNumbers[lines.size()] = ln;
            lines.add(line);
            if (lines.size() == BATCH) {
                handOver();
            }
        }

        void finish() {
            if (!lines.isEmpty()) {
                handOver();
            }
            while (!inFlight.isEmpty()) {
                emit(inFlight.poll());
            }
        }

        private void handOver() {
            if (inFlight.size() == codecs.length) {
                // The oldest batch's codec is the one the next batch gets.
                emit(inFlight.poll());
            }
            List<String> batch = lines;
            long[] numbers = lineNumbers;
            VCFCodec codec = codecs[(int) (handedOver++ % codecs.length)];
            inFlight.add(CompletableFuture.supplyAsync(() -> {
                List<Outcome> out = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    records.read(batch.get(i), numbers[i], codec, out);
                }
                return out;
            }, executor));
            lines = new ArrayList<>(BATCH);
            lineNumbers = new long[BATCH];
        }

        private void emit(CompletableFuture<List<Outcome>> batch) {
            List<Outcome> outcomes;
            try {
                outcomes = batch.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            for (Outcome o : outcomes) {
                if (o.finding() != null) {
                    sink.accept(o.line(), o.finding());
                    accepted++;
                } else if (o.skip()) {
                    sink.skip(o.errors().get(0));
                } else {
                    o.errors().forEach(sink::reject);
                    rejected++;
                }
            }
        }
    }

    /** One record or allele: a finding, or the reason it is skipped, or the errors that reject it. */
    private record Outcome(long line, NormalizedFinding finding, List<FieldError> errors, boolean skip) {

        static Outcome accepted(long line, NormalizedFinding finding) {
            return new Outcome(line, finding, List.of(), false);
        }

        static Outcome rejected(FieldError error) {
            return new Outcome(0, null, List.of(error), false);
        }

        static Outcome skipped(FieldError reason) {
            return new Outcome(0, null, List.of(reason), true);
        }
    }

    private static VCFCodec siteCodec(List<String> siteHeader) {
        VCFCodec codec = new VCFCodec();
        codec.readActualHeader(new ListLineIterator(siteHeader));
        return codec;
    }

    /** A record's first eight columns (CHROM to INFO), what a {@link #siteCodec} decodes. */
    static String siteColumns(String line) {
        int tab = -1;
        for (int i = 0; i < FIXED.length; i++) {
            tab = line.indexOf('\t', tab + 1);
        }
        return line.substring(0, tab);
    }

    /**
     * A sample's GT text, read from its column: asking htsjdk for one sample's genotype decodes every FORMAT field of
     * every sample, a fifth of a record's decoding, only to learn which alleles were called. By the specification GT
     * comes first in FORMAT; null when FORMAT has no GT (nothing to check, as for htsjdk's genotype without alleles).
     */
    static String gt(String format, String sample) {
        if (!format.equals("GT") && !format.startsWith("GT:")) {
            return null;
        }
        int colon = sample.indexOf(':');
        return colon < 0 ? sample : sample.substring(0, colon);
    }

    /**
     * The allele indices a GT calls ("0/1" → 0, 1; "1|1" → 1, 1; haploid "1" → 1), missing ones ('.') left out, so
     * that "./." calls nothing; null when the text is not a genotype.
     */
    static int[] calledAlleles(String gt) {
        int[] called = new int[gt.length() / 2 + 1];
        int n = 0;
        int from = 0;
        while (from <= gt.length()) {
            int to = from;
            while (to < gt.length() && gt.charAt(to) != '/' && gt.charAt(to) != '|') {
                to++;
            }
            if (to - from == 1 && gt.charAt(from) == '.') {
                from = to + 1;
                continue;
            }
            if (to == from || to - from > 3) {
                return null;
            }
            int index = 0;
            for (int i = from; i < to; i++) {
                char c = gt.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                index = index * 10 + (c - '0');
            }
            called[n++] = index;
            from = to + 1;
        }
        return Arrays.copyOf(called, n);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** {@code s.split(sep, -1)} for one character, without split's intermediate list and copy: run on every record. */
    static String[] fields(String s, char sep) {
        int n = 1;
        for (int i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, i + 1)) {
            n++;
        }
        String[] out = new String[n];
        int from = 0;
        for (int k = 0; k < n - 1; k++) {
            int to = s.indexOf(sep, from);
            out[k] = s.substring(from, to);
            from = to + 1;
        }
        out[n - 1] = s.substring(from);
        return out;
    }

    private static Integer column(FieldError e) {
        String r = e.reason();
        if (r.startsWith("reference base mismatch") || r.startsWith("REF")) {
            return 4;
        }
        if (r.startsWith("ALT")) {
            return 5;
        }
        if (r.startsWith("unknown contig")) {
            return 1;
        }
        if (r.startsWith("position")) {
            return 2;
        }
        return null;
    }

    private static String columnName(Integer col) {
        return col == null ? "record" : col <= 8 ? FIXED[col - 1] : "FORMAT";
    }

    private static void checkHeaderColumns(String[] cols, String line, long ln) throws MalformedInputException {
        if (cols.length == 1 && line.contains(" ")) {
            throw new MalformedInputException(FieldError.at("header", ln, null,
                    "the #CHROM header line is not tab-separated"));
        }
        if (cols.length < FIXED.length) {
            throw new MalformedInputException(FieldError.at("header", ln, cols.length + 1, "the #CHROM header line has "
                    + cols.length + " columns; a VCF needs at least 8 (CHROM POS ID REF ALT QUAL FILTER INFO)"));
        }
        for (int i = 0; i < FIXED.length; i++) {
            String c = i == 0 ? cols[0].substring(1) : cols[i];
            if (!c.equals(FIXED[i])) {
                throw new MalformedInputException(FieldError.at("header", ln, i + 1, "header column " + (i + 1)
                        + " is '" + cols[i] + "', expected '" + (i == 0 ? "#" : "") + FIXED[i] + "'"));
            }
        }
        if (cols.length == 9) {
            throw new MalformedInputException(FieldError.at("header", ln, 9,
                    "FORMAT column without any sample column"));
        }
        if (cols.length > 9 && !cols[8].equals("FORMAT")) {
            throw new MalformedInputException(FieldError.at("header", ln, 9, "header column 9 is '" + cols[8]
                    + "', expected 'FORMAT'"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 9; i < cols.length; i++) {
            if (cols[i].isEmpty() || !seen.add(cols[i])) {
                throw new MalformedInputException(FieldError.at("header", ln, i + 1,
                        "empty or duplicate sample name '" + cols[i] + "'"));
            }
        }
    }

    /** Syntax checks with exact columns before htsjdk decodes the record; null when fine. */
    private static FieldError precheck(String[] f, String[] alts, GenomeBuild build, long ln) {
        String chrom = Chromosomes.normalize(f[0]);
        if (chrom == null) {
            return FieldError.at("CHROM", ln, 1, "unknown contig '" + f[0]
                    + "' (only 1-22, X, Y, MT, with or without 'chr')");
        }
        long pos;
        try {
            pos = Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
            return FieldError.at("POS", ln, 2, "POS '" + f[1] + "' is not a number");
        }
        long len = Chromosomes.length(build, chrom);
        if (pos < 1 || pos > len) {
            return FieldError.at("POS", ln, 2, "position " + pos + " is outside chromosome " + chrom + " on " + build
                    + " (1-" + len + ")");
        }
        if (!GenomicText.isBases(f[3], true)) {
            return FieldError.at("REF", ln, 4, "REF '" + f[3] + "' contains non-ACGTN characters");
        }
        if (f[4].equals(".")) {
            return FieldError.at("ALT", ln, 5, "no ALT allele (reference-only record)");
        }
        for (String alt : alts) {
            if (!GenomicText.isBases(alt, true)) {
                return FieldError.at("ALT", ln, 5, "ALT allele '" + alt
                        + "' is not ACGTN (symbolic, breakend, '*' and empty alleles are not supported)");
            }
        }
        if (!f[6].equals("PASS") && !f[6].equals(".")) {
            return FieldError.at("FILTER", ln, 7, "record did not pass filters (FILTER=" + f[6] + ")");
        }
        return null;
    }

    private static boolean isFilteredOut(FieldError e) {
        return "FILTER".equals(e.field()) || e.reason().startsWith("no ALT allele");
    }

    // ---- build ----

    private record BuildEvidence(GenomeBuild build, long line, String what) {}

    private static void evidence(String line, long ln, List<BuildEvidence> out) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            return;
        }
        String key = line.substring(2, eq);
        String value = line.substring(eq + 1);
        if (key.equals("reference") || key.equals("assembly") || key.equals("new_reference_genome")) {
            GenomeBuild b = buildWord(value);
            if (b != null) {
                out.add(new BuildEvidence(b, ln, line));
            }
        } else if (key.equals("contig")) {
            Matcher m = CONTIG.matcher(line);
            if (!m.matches()) {
                return;
            }
            String id = null;
            String length = null;
            String assembly = null;
            Matcher a = ATTR.matcher(m.group(1));
            while (a.find()) {
                String v = a.group(2).replace("\"", "");
                switch (a.group(1)) {
                    case "ID":
                        id = v;
                        break;
                    case "length":
                        length = v;
                        break;
                    case "assembly":
                        assembly = v;
                        break;
                    default:
                        break;
                }
            }
            if (assembly != null && buildWord(assembly) != null) {
                out.add(new BuildEvidence(buildWord(assembly), ln, line));
            }
            String chrom = Chromosomes.normalize(id);
            if (chrom != null && !chrom.equals("MT") && length != null && DIGITS.matcher(length).matches()) {
                long len = Long.parseLong(length);
                boolean is37 = len == Chromosomes.length(GenomeBuild.GRCh37, chrom);
                boolean is38 = len == Chromosomes.length(GenomeBuild.GRCh38, chrom);
                if (is37 != is38) {
                    out.add(new BuildEvidence(is37 ? GenomeBuild.GRCh37 : GenomeBuild.GRCh38, ln, line));
                }
            }
        }
    }

    private static GenomeBuild buildWord(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        boolean b38 = v.contains("grch38") || v.contains("hg38") || v.contains("hs38") || v.contains("b38");
        boolean b37 = v.contains("grch37") || v.contains("hg19") || v.contains("hs37") || v.contains("b37")
                || v.contains("g1k_v37") || v.contains("ncbi37");
        if (b37 == b38) {
            return null;
        }
        return b37 ? GenomeBuild.GRCh37 : GenomeBuild.GRCh38;
    }

    private static GenomeBuild resolveBuild(GenomeBuild declared, List<BuildEvidence> evidence, long chromLine)
            throws MalformedInputException {
        BuildEvidence first = evidence.isEmpty() ? null : evidence.get(0);
        for (BuildEvidence e : evidence) {
            if (e.build() != first.build()) {
                throw new MalformedInputException(FieldError.at("header", e.line(), null,
                        "the header names conflicting builds: line " + first.line() + " says " + first.build()
                                + ", line " + e.line() + " says " + e.build()));
            }
        }
        if (first != null && declared != null && first.build() != declared) {
            throw new MalformedInputException(FieldError.at("header", first.line(), null, "build mismatch: declared "
                    + declared + " but the header says " + first.build() + " (" + abbreviate(first.what()) + ")"));
        }
        if (declared != null) {
            return declared;
        }
        if (first == null) {
            throw new MalformedInputException(FieldError.at("header", chromLine, null,
                    "genome build unknown: not declared and not stated in the header (##reference or ##contig)"));
        }
        return first.build();
    }

    private static int pickSample(List<String> samples, String name, long ln) throws MalformedInputException {
        if (name != null && !name.isBlank()) {
            int i = samples.indexOf(name.trim());
            if (i < 0) {
                throw new MalformedInputException(FieldError.at("header", ln, null, "sample '" + name
                        + "' is not in the VCF (samples: " + String.join(", ", samples) + ")"));
            }
            return i;
        }
        for (int i = 0; i < samples.size(); i++) {
            String s = samples.get(i).toUpperCase(Locale.ROOT);
            if (s.equals("TUMOR") || s.equals("TUMOUR")) {
                return i;
            }
        }
        return samples.isEmpty() ? -1 : 0;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }

    /** Gene symbol field of a VEP CSQ or SnpEff ANN annotation, located through the header's Format description. */
    private record Annotation(String key, int alleleIdx, int geneIdx) {

        static Annotation of(VCFHeader header, String key, String geneField) {
            VCFInfoHeaderLine line = header.getInfoHeaderLine(key);
            if (line == null) {
                return new Annotation(key, -1, -1);
            }
            String d = line.getDescription();
            int colon = d.lastIndexOf(':');
            String format = (colon >= 0 ? d.substring(colon + 1) : d).replace("'", "").replace("\"", "").trim();
            List<String> names = new ArrayList<>();
            for (String n : format.split("\\|")) {
                names.add(n.trim());
            }
            return new Annotation(key, names.indexOf("Allele"), names.indexOf(geneField));
        }

        String gene(VariantContext vc, String alt, String ref, int altCount) {
            if (geneIdx < 0 || !vc.hasAttribute(key)) {
                return null;
            }
            for (String entry : vc.getAttributeAsStringList(key, "")) {
                String[] p = PIPE.split(entry, -1);
                if (p.length <= geneIdx || p[geneIdx].isEmpty()) {
                    continue;
                }
                boolean matches = altCount == 1 || alleleIdx < 0 || alleleIdx < p.length && matchesAllele(
                        p[alleleIdx], alt, ref);
                if (matches) {
                    return p[geneIdx];
                }
            }
            return null;
        }

        private static boolean matchesAllele(String annotated, String alt, String ref) {
            if (annotated.equalsIgnoreCase(alt)) {
                return true;
            }
            // VEP drops the shared first base of indels ("-" for a deletion)
            if (!alt.isEmpty() && !ref.isEmpty() && alt.charAt(0) == Character.toUpperCase(ref.charAt(0))) {
                String trimmed = alt.substring(1);
                return annotated.equalsIgnoreCase(trimmed.isEmpty() ? "-" : trimmed);
            }
            return false;
        }
    }

    /** Feeds collected header lines to {@link VCFCodec#readActualHeader}. */
    private static final class ListLineIterator implements LineIterator {
        private final List<String> lines;
        private int i;

        ListLineIterator(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public String peek() {
            return lines.get(i);
        }

        @Override
        public boolean hasNext() {
            return i < lines.size();
        }

        @Override
        public String next() {
            return lines.get(i++);
        }
    }
}
