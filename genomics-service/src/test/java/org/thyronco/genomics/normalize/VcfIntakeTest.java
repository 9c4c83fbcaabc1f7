package org.thyronco.genomics.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Streaming VCF intake: the PCGR example VCFs (both builds, both samples) and malformed files. */
class VcfIntakeTest {

    private final VcfIntake intake = new VcfIntake();

    private static final String HEADER = "##fileformat=VCFv4.2\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. "
            + "Format: Allele|Consequence|IMPACT|SYMBOL\">\n";
    private static final String CHROM_1 = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n";
    private static final String CHROM_2 = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n";

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    private IntakeRecorder read(String vcf, GenomeBuild build, String sample) throws MalformedInputException {
        IntakeRecorder r = new IntakeRecorder();
        intake.read(text(vcf), build, sample, r);
        return r;
    }

    private MalformedInputException malformed(byte[] bytes, GenomeBuild build) {
        return assertThrows(
                MalformedInputException.class,
                () -> intake.read(new ByteArrayInputStream(bytes), build, null, new IntakeRecorder()));
    }

    @ParameterizedTest
    @CsvSource({
        "T001-BRCA.grch37.vcf.gz, GRCh37, 196, 54, PIK3CA, p.H1047R, 3, 178952085",
        "T001-BRCA.grch38.vcf.gz, GRCh38, 196, 53, PIK3CA, p.H1047R, 3, 179234297",
        "T001-COAD.grch37.vcf.gz, GRCh37, 3317, 1260, BRAF, p.V600E, 7, 140453136",
        "T001-COAD.grch38.vcf.gz, GRCh38, 3313, 1257, BRAF, p.V600E, 7, 140753336",
    })
    void pcgrExampleVcfs(
            String file, GenomeBuild build, long records, long line, String gene, String protein, String chrom,
            long pos) throws Exception {
        IntakeRecorder r = new IntakeRecorder();
        IntakeSummary s = intake.read(Fixtures.open("extdata/pcgr-examples/" + file), build, null, r);
        assertEquals(new IntakeSummary(records, records, 0, build), s, "every row normalized, none rejected");
        assertEquals(List.of(), r.rejected);
        assertEquals(records, r.findings().size());
        NormalizedFinding hotspot = r.only(line);
        assertEquals(gene, hotspot.gene());
        assertEquals(protein, hotspot.proteinChange());
        assertEquals(new GenomicLocation(build, chrom, pos, "A", gene.equals("BRAF") ? "T" : "G"),
                hotspot.locations().get(0));
        assertEquals(2, hotspot.locations().size());
        assertTrue(hotspot.vrsId().startsWith("ga4gh:VA."));
        long annotated = r.findings().stream().filter(f -> f.gene() != null).count();
        assertEquals(1, annotated, "only the hotspot allele gets a gene (PCGR VCFs carry no CSQ)");
        NormalizedFinding other = r.findings().get(0);
        assertNull(other.gene());
        assertNull(other.proteinChange());
        assertEquals(List.of("not at a known hotspot; protein change not derived"), other.warnings());
        // the same file declared on the other build is stopped by its header (PCGR GRCh37 files name hg19)
        if (build == GenomeBuild.GRCh37) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> intake.read(
                    Fixtures.open("extdata/pcgr-examples/" + file), GenomeBuild.GRCh38, null, new IntakeRecorder()));
            assertTrue(e.errors().get(0).reason().startsWith("build mismatch"), e.getMessage());
        }
    }

    @Test
    void pcgrGrch38WithoutDeclaredBuildNeedsOne() {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> intake.read(
                Fixtures.open("extdata/pcgr-examples/T001-COAD.grch38.vcf.gz"), null, null, new IntakeRecorder()));
        assertTrue(e.getMessage().startsWith("genome build unknown"), e.getMessage());
    }

    @Test
    void multiAllelicRecordsAreSplitAndTrimmed() throws Exception {
        IntakeRecorder r = read(HEADER + CHROM_1 + "7\t140753335\t.\tCAC\tCTC,CAG\t.\tPASS\t.\tGT\t1/2\n",
                GenomeBuild.GRCh38, null);
        List<NormalizedFinding> f = r.accepted.get(5L);
        assertEquals(2, f.size());
        assertEquals(new GenomicLocation(GenomeBuild.GRCh38, "7", 140753336, "A", "T"), f.get(0).locations().get(0));
        assertEquals("p.V600E", f.get(0).proteinChange());
        assertEquals(new GenomicLocation(GenomeBuild.GRCh38, "7", 140753337, "C", "G"), f.get(1).locations().get(0));
        assertEquals("p.V600L", f.get(1).proteinChange());
        assertEquals("7 140753335 CAC CAG", f.get(1).raw());
        IntakeRecorder indel = read(HEADER + CHROM_1 + "chr17\t7675087\t.\tACCG\tAG\t.\t.\t.\tGT\t0/1\n",
                GenomeBuild.GRCh38, null);
        assertEquals(new GenomicLocation(GenomeBuild.GRCh38, "17", 7675087, "ACC", "A"),
                indel.only(5).locations().get(0));
    }

    @Test
    void tumourSampleIsChosenByNameThenTumorThenFirst() throws Exception {
        String vcf = HEADER + CHROM_2 + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/0\t0/1\n";
        IntakeSummary s = intake.read(text(vcf), GenomeBuild.GRCh38, null, new IntakeRecorder());
        assertEquals(1, s.accepted(), "TUMOR column carries the allele");
        IntakeRecorder normal = read(vcf, GenomeBuild.GRCh38, "NORMAL");
        FieldError e = normal.skipping(5);
        assertEquals(10, e.column());
        assertTrue(e.reason().contains("not in the genotype of sample NORMAL"), e.reason());
        assertThrows(MalformedInputException.class, () -> read(vcf, GenomeBuild.GRCh38, "PATIENT-7"));
        String first = HEADER + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n"
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\t0/0\n";
        assertEquals(1, read(first, GenomeBuild.GRCh38, null).findings().size(), "first sample when no TUMOR");
    }

    @Test
    void theTumourGenotypeDecidesWhichAltAllelesAreKept() throws Exception {
        String header = HEADER + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n" + CHROM_2;
        String vcf = header
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT:DP\t0/0:30\t0|1:41\n" // phased het: kept
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\t0/0\n" // tumour hom-ref: skipped
                + "7\t140753336\t.\tA\tT,G\t.\tPASS\t.\tGT\t0/0\t0/2\n" // only the second ALT is called
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/0\t./.\n" // no call: nothing to contradict
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/0\t1\n" // haploid call
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tDP\t12\t30\n" // no GT at all
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/0\tx/1\n"; // not a genotype
        IntakeRecorder r = read(vcf, GenomeBuild.GRCh38, null);

        assertEquals("p.V600E", r.only(6).proteinChange());
        assertTrue(r.skipping(7).reason().contains("(GT=0/0)"), r.skipping(7).reason());
        assertEquals(11, r.skipping(7).column());
        assertTrue(r.skipping(8).reason().startsWith("ALT allele T "), r.skipping(8).reason());
        assertEquals(new GenomicLocation(GenomeBuild.GRCh38, "7", 140753336, "A", "G"),
                r.only(8).locations().get(0));
        assertEquals("p.V600E", r.only(9).proteinChange());
        assertEquals("p.V600E", r.only(10).proteinChange());
        assertEquals("p.V600E", r.only(11).proteinChange());
        FieldError bad = r.rejection(12);
        assertEquals(11, bad.column());
        assertTrue(bad.reason().contains("GT 'x/1' of sample TUMOR is not a genotype"), bad.reason());
    }

    @Test
    void samplesOutOfAlphabeticalOrderAreReadByTheirOwnColumns() throws Exception {
        // TUMOR before NORMAL, as many callers write them: the tumour's GT is still the one that counts.
        String vcf = HEADER + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\tNORMAL\n"
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\t0/0\n"
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/0\t0/1\n";
        IntakeRecorder r = read(vcf, GenomeBuild.GRCh38, null);
        assertEquals("p.V600E", r.only(5).proteinChange());
        assertEquals(10, r.skipping(6).column());
        assertEquals("7\t140753336\t.\tA\tT\t.\tPASS\t.",
                VcfIntake.siteColumns("7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\t0/0"));
    }

    @Test
    void recordErrorsCarryLineAndColumn() throws Exception {
        String vcf = HEADER + CHROM_1
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\n" // line 5: 9 of 10 columns
                + "7\t140753336\t.\tR\tT\t.\tPASS\t.\tGT\t0/1\n" // 6: REF not ACGTN
                + "7\t140753336\t.\tA\t<DEL>\t.\tPASS\t.\tGT\t0/1\n" // 7: symbolic ALT
                + "GL000220.1\t100\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n" // 8: unknown contig
                + "chr23\t100\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n" // 9: unknown contig
                + "7\tabc\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n" // 10: POS not a number
                + "7\t159345974\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n" // 11: beyond chr7 (GRCh38)
                + "7\t140753336\t.\tG\tT\t.\tPASS\t.\tGT\t0/1\n" // 12: REF mismatch at the hotspot
                + "7\t140753336\t.\tA\tT\t.\tLowQual\t.\tGT\t0/1\n" // 13: filtered (skipped, not an error)
                + "7\t140753336\t.\tA\t.\t.\tPASS\t.\tGT\t0/1\n" // 14: no ALT (skipped, not an error)
                + "7\t140753336\t.\tA\t*\t.\tPASS\t.\tGT\t0/1\n" // 15: star allele
                + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n"; // 16: fine
        IntakeRecorder r = new IntakeRecorder();
        IntakeSummary s = intake.read(text(vcf), GenomeBuild.GRCh38, null, r);
        assertEquals(new IntakeSummary(12, 1, 9, GenomeBuild.GRCh38), s);
        assertEquals(10, r.rejection(5).column());
        assertTrue(r.rejection(5).reason().contains("found 9"));
        assertEquals(4, r.rejection(6).column());
        assertEquals(5, r.rejection(7).column());
        assertEquals(1, r.rejection(8).column());
        assertTrue(r.rejection(8).reason().startsWith("unknown contig 'GL000220.1'"));
        assertEquals(1, r.rejection(9).column());
        assertEquals(2, r.rejection(10).column());
        assertEquals(2, r.rejection(11).column());
        assertEquals(4, r.rejection(12).column());
        assertTrue(r.rejection(12).reason().startsWith(
                "reference base mismatch at 7:140753336 on GRCh38: expected A, got G"));
        assertEquals(7, r.skipping(13).column());
        assertEquals(5, r.skipping(14).column());
        assertEquals(5, r.rejection(15).column());
        assertEquals("p.V600E", r.only(16).proteinChange());
    }

    @Test
    void annotationGeneFromCsq() throws Exception {
        String vcf = HEADER + CHROM_1
                + "17\t7675088\t.\tC\tT\t.\tPASS\tCSQ=T|missense_variant|MODERATE|TP53\tGT\t0/1\n"
                + "17\t7675089\t.\tC\tT\t.\tPASS\tCSQ=T|missense_variant|MODERATE|FOOBAR1\tGT\t0/1\n";
        IntakeRecorder r = read(vcf, GenomeBuild.GRCh38, null);
        NormalizedFinding tp53 = r.only(5);
        assertEquals("TP53", tp53.gene());
        assertNull(tp53.proteinChange());
        assertTrue(tp53.warnings().contains("not at a known hotspot; protein change not derived"));
        assertNull(r.only(6).gene());
    }

    @Test
    void buildComesFromTheHeaderAndMustAgree() throws Exception {
        String contig38 = "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=248956422>\n" + CHROM_1.replace(
                "\tFORMAT\tTUMOR", "") + "chr7\t140753336\t.\tA\tT\t.\tPASS\t.\n";
        IntakeSummary s = intake.read(text(contig38), null, null, new IntakeRecorder());
        assertEquals(GenomeBuild.GRCh38, s.build());
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> intake.read(text(contig38), GenomeBuild.GRCh37, null, new IntakeRecorder()));
        assertEquals(2L, e.errors().get(0).line());
        assertTrue(e.getMessage().startsWith("build mismatch: declared GRCh37 but the header says GRCh38"));
        String reference37 = "##fileformat=VCFv4.2\n##reference=file:///ref/human_g1k_v37.fasta\n"
                + CHROM_1.replace("\tFORMAT\tTUMOR", "") + "7\t140453136\t.\tA\tT\t.\tPASS\t.\n";
        assertThrows(MalformedInputException.class, () -> intake.read(text(reference37), GenomeBuild.GRCh38, null,
                new IntakeRecorder()));
        IntakeRecorder r = new IntakeRecorder();
        intake.read(text(reference37), null, null, r);
        assertEquals("p.V600E", r.only(4).proteinChange());
        String conflicting = "##fileformat=VCFv4.2\n##reference=GRCh38\n##contig=<ID=1,length=249250621>\n"
                + CHROM_1.replace("\tFORMAT\tTUMOR", "");
        assertTrue(assertThrows(MalformedInputException.class, () -> intake.read(text(conflicting), null, null,
                new IntakeRecorder())).getMessage().contains("conflicting builds"));
    }

    @Test
    void wholeFileProblems() throws Exception {
        assertEquals("empty file", malformed(new byte[0], GenomeBuild.GRCh38).getMessage());
        assertTrue(malformed(gzip(new byte[0]), GenomeBuild.GRCh38).getMessage().startsWith("empty file"));

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertTrue(malformed(png, GenomeBuild.GRCh38).getMessage().startsWith("binary data"));
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 'x';
        assertTrue(malformed(noise, GenomeBuild.GRCh38).getMessage().startsWith("binary data"));

        byte[] fakeGzip = "\u001f\u008bnot really gzip at all".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(malformed(fakeGzip, GenomeBuild.GRCh38).getMessage().contains("gzip"));
        byte[] real = Fixtures.open("extdata/pcgr-examples/T001-COAD.grch38.vcf.gz").readAllBytes();
        MalformedInputException truncated = malformed(Arrays.copyOf(real, real.length / 2), GenomeBuild.GRCh38);
        assertTrue(truncated.getMessage().contains("gzip"), truncated.getMessage());
        assertTrue(truncated.errors().get(0).line() > 1000, "found while streaming, with its line");

        MalformedInputException noHeader = malformed(
                "7\t140753336\t.\tA\tT\t.\tPASS\t.\n".getBytes(StandardCharsets.US_ASCII), GenomeBuild.GRCh38);
        assertEquals(1L, noHeader.errors().get(0).line());
        assertTrue(noHeader.getMessage().startsWith("missing VCF header"));
        MalformedInputException noChrom = malformed(
                "##fileformat=VCFv4.2\n7\t140753336\t.\tA\tT\t.\tPASS\t.\n".getBytes(StandardCharsets.US_ASCII),
                GenomeBuild.GRCh38);
        assertTrue(noChrom.getMessage().startsWith("missing #CHROM header line"));
        MalformedInputException shortHeader = malformed(
                "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\n".getBytes(StandardCharsets.US_ASCII),
                GenomeBuild.GRCh38);
        assertEquals(2L, shortHeader.errors().get(0).line());
        assertEquals(8, shortHeader.errors().get(0).column());
        MalformedInputException badName = malformed(
                "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTERS\tINFO\n".getBytes(
                        StandardCharsets.US_ASCII), GenomeBuild.GRCh38);
        assertEquals(7, badName.errors().get(0).column());
        MalformedInputException spaces = malformed(
                "##fileformat=VCFv4.2\n#CHROM POS ID REF ALT QUAL FILTER INFO\n".getBytes(StandardCharsets.US_ASCII),
                GenomeBuild.GRCh38);
        assertTrue(spaces.getMessage().contains("not tab-separated"));
    }

    @Test
    void gzipAndBgzipAreDetectedByMagicBytesNotByName() throws Exception {
        byte[] vcf = (HEADER + CHROM_1 + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (byte[] bytes : List.of(vcf, gzip(vcf), bgzip(vcf))) {
            IntakeRecorder r = new IntakeRecorder();
            intake.read(new ByteArrayInputStream(bytes), GenomeBuild.GRCh38, null, r);
            assertEquals("p.V600E", r.only(5).proteinChange());
        }
    }

    @Test
    void streamsLargeFilesRecordByRecord() throws Exception {
        int records = 50_000;
        byte[] head = (HEADER + CHROM_1).getBytes(StandardCharsets.US_ASCII);
        InputStream generated = new InputStream() {
            private int record = -1;
            private byte[] buf = head;
            private int pos;

            @Override
            public int read() {
                while (pos >= buf.length) {
                    if (++record >= records) {
                        return -1;
                    }
                    buf = ("1\t" + (1_000_000 + record) + "\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    pos = 0;
                }
                return buf[pos++];
            }
        };
        long[] seen = new long[1];
        IntakeSummary s = intake.read(generated, GenomeBuild.GRCh38, null, new IntakeSink() {
            @Override
            public void accept(long line, NormalizedFinding f) {
                seen[0]++;
            }

            @Override
            public void reject(FieldError e) {
                throw new AssertionError(e.toString());
            }
        });
        assertEquals(new IntakeSummary(records, records, 0, GenomeBuild.GRCh38), s);
        assertEquals(records, seen[0]);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] bgzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BlockCompressedOutputStream bgz = new BlockCompressedOutputStream(out, (java.nio.file.Path) null)) {
            bgz.write(data);
        }
        return out.toByteArray();
    }
}
