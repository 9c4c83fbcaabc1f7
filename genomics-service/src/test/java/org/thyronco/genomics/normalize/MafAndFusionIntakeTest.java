package org.thyronco.genomics.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MAF and fusion-table intake: own fixtures in the OncoKB annotator layouts (normalize/oncokb-layout, written for this
 * project) and the PCGR example fusion tables (both builds). Every row is either normalized or rejected with a reason.
 */
class MafAndFusionIntakeTest {

    private final MafIntake maf = new MafIntake();
    private final FusionTsvIntake fusions = new FusionTsvIntake();

    @Test
    void oncokbLayoutMafGrch37() throws Exception {
        IntakeRecorder r = new IntakeRecorder();
        IntakeSummary s = maf.read(Fixtures.open("oncokb-layout/thyroid_maf_grch37.txt"), GenomeBuild.GRCh37, null, r);
        assertEquals(new IntakeSummary(21, 13, 8, GenomeBuild.GRCh37), s);
        assertEquals(s.rejected(), r.rejected.size());
        assertEquals("p.V600E", r.only(4).proteinChange());
        assertEquals("NM_004333.6:c.1799T>A", r.only(4).hgvsc());
        assertEquals("p.Q61R", r.only(5).proteinChange());
        assertEquals("p.Q61R", r.only(6).proteinChange());
        assertEquals(VariantClass.PROMOTER, r.only(7).variantClass());
        assertEquals("NM_198253.3:c.-124C>T", r.only(7).hgvsc());
        assertEquals("NM_198253.3:c.-146C>T", r.only(8).hgvsc());
        assertEquals(13, r.rejection(9).column(), "row with 12 of 13 columns");
        assertEquals("p.R248Q", r.only(10).proteinChange());
        assertEquals("p.M918T", r.only(11).proteinChange());
        assertEquals("p.K601E", r.only(12).proteinChange());
        assertEquals("p.V600K", r.only(13).proteinChange());
        assertEquals("p.E545K", r.only(14).proteinChange());
        assertEquals("p.G12C", r.only(15).proteinChange());
        NormalizedFinding egfr = r.only(16);
        assertEquals("p.E746_A750del", egfr.proteinChange());
        assertEquals(List.of(), egfr.locations());
        assertTrue(egfr.warnings().get(0).startsWith("MAF indel allele '-' cannot be anchored"));
        assertTrue(r.rejection(17).reason().startsWith("MAF splice notation without a genomic allele"));
        assertEquals(5, r.rejection(17).column());
        assertTrue(r.rejection(18).reason().contains("check the genome build"), "GRCh38 position in a GRCh37 row");
        FieldError refMismatch = r.rejection(19);
        assertEquals("Reference_Allele", refMismatch.field());
        assertEquals(11, refMismatch.column());
        FieldError gene = r.rejection(20);
        assertEquals("Hugo_Symbol", gene.field());
        assertEquals(2, gene.column());
        assertEquals("unknown gene symbol 'XYZ1'", gene.reason());
        assertTrue(r.rejection(21).reason().contains("unknown amino acid 'Z'"));
        assertEquals(5, r.rejection(21).column());
        FieldError disagree = r.rejection(22);
        assertEquals("HGVSp", disagree.field());
        assertEquals("HGVSp p.Q61R disagrees with HGVSp_Short p.Q61K", disagree.reason());
        assertEquals("NCBI_Build", r.rejection(23).field());
        NormalizedFinding kras = r.only(24);
        assertEquals("p.G12C", kras.proteinChange(), "MNV across codons 11-12: protein change as given in the row");
        assertEquals(new GenomicLocation(GenomeBuild.GRCh37, "12", 25398285, "CA", "AG"), kras.locations().get(0));
        assertTrue(kras.warnings().contains("allele extends beyond the hotspot codon table; protein change not derived"));
    }

    @Test
    void oncokbLayoutMafGrch38() throws Exception {
        IntakeRecorder r = new IntakeRecorder();
        IntakeSummary s = maf.read(Fixtures.open("oncokb-layout/thyroid_maf_grch38.txt"), null, null, r);
        assertEquals(new IntakeSummary(14, 11, 3, GenomeBuild.GRCh38), s);
        assertEquals("p.V600E", r.only(3).proteinChange());
        assertEquals("p.Q61L", r.only(4).proteinChange());
        assertTrue(r.rejection(5).reason().contains("gives p.Q61L, not p.Q61K"));
        assertEquals("p.H1047R", r.only(6).proteinChange());
        assertEquals(VariantClass.PROMOTER, r.only(7).variantClass());
        assertEquals("p.M918T", r.only(8).proteinChange());
        NormalizedFinding hras = r.only(9);
        assertEquals("p.Q61R", hras.proteinChange());
        assertEquals(1, hras.locations().size(), "GRCh38 HRAS coordinate is unverified and not in the table");
        assertEquals(GenomeBuild.GRCh37, hras.locations().get(0).build());
        assertEquals("p.R248Q", r.only(10).proteinChange());
        assertEquals("p.G12C", r.only(11).proteinChange());
        assertTrue(r.rejection(12).reason().contains("check the genome build"));
        assertEquals("p.K601E", r.only(13).proteinChange());
        assertEquals(VariantClass.SYNONYMOUS, r.only(14).variantClass());
        assertEquals("p.P72Rfs*51", r.only(15).proteinChange());
        assertEquals("reference amino acid at BRAF 600 is V, not A", r.rejection(16).reason());
    }

    @Test
    void mafWholeFileProblems() {
        assertThrows(MalformedInputException.class, () -> maf.read(new ByteArrayInputStream(new byte[0]), null, null,
                new IntakeRecorder()));
        MalformedInputException noSymbol = assertThrows(MalformedInputException.class, () -> maf.read(
                new ByteArrayInputStream("Gene\tChange\nBRAF\tV600E\n".getBytes(StandardCharsets.US_ASCII)), null,
                null, new IntakeRecorder()));
        assertTrue(noSymbol.getMessage().contains("Hugo_Symbol"));
    }

    @Test
    void oncokbLayoutFusions() throws Exception {
        IntakeRecorder r = new IntakeRecorder();
        IntakeSummary s = fusions.read(Fixtures.open("oncokb-layout/thyroid_fusions.txt"), null, null, r);
        assertEquals(new IntakeSummary(14, 11, 3, null), s);
        assertEquals("CCDC6::RET", r.only(2).fusion());
        assertEquals("NCOA4::RET", r.only(3).fusion());
        NormalizedFinding reversed = r.only(4);
        assertEquals("RET::CCDC6", reversed.fusion());
        assertEquals("RET", reversed.threePrimeGene());
        assertEquals("CCDC6", reversed.fivePrimeGene());
        assertTrue(reversed.warnings().contains("kinase gene given 5'; treated as 3' partner"));
        assertEquals("ETV6::NTRK3", r.only(5).fusion());
        assertEquals("TPM3::NTRK1", r.only(6).fusion());
        assertEquals("STRN::ALK", r.only(7).fusion());
        assertEquals("ALK", r.only(8).threePrimeGene());
        assertEquals("PAX8::PPARG", r.only(9).fusion());
        assertTrue(r.rejection(10).reason().startsWith("intragenic rearrangement is not a functional fusion"));
        assertEquals("unknown gene symbol 'XYZ1'", r.rejection(11).reason());
        assertEquals(2, r.rejection(11).column());
        assertEquals("CCDC6::RET", r.only(12).fusion());
        assertEquals("?::NTRK1", r.only(13).fusion());
        assertTrue(r.rejection(14).reason().startsWith("intragenic rearrangement"));
        assertEquals("EML4::ALK", r.only(15).fusion());
        IntakeRecorder one = new IntakeRecorder();
        assertEquals(1, fusions.read(Fixtures.open("oncokb-layout/thyroid_fusions.txt"), null, "THY-04", one)
                .accepted());
    }

    @Test
    void oncokbLayoutStructuralVariants() throws Exception {
        IntakeRecorder r = new IntakeRecorder();
        IntakeSummary s = fusions.read(Fixtures.open("oncokb-layout/thyroid_sv.txt"), null, null, r);
        assertEquals(new IntakeSummary(6, 4, 2, null), s);
        assertEquals("CCDC6::RET", r.only(2).fusion());
        assertEquals("NCOA4", r.only(3).fivePrimeGene());
        assertTrue(r.rejection(4).reason().startsWith("intragenic rearrangement"));
        assertEquals("ETV6", r.only(5).fivePrimeGene());
        assertEquals("structural variant type TRANSLOCATION is not a fusion call", r.rejection(6).reason());
        assertEquals("STRN::ALK", r.only(7).fusion());
    }

    @Test
    void pcgrFusionTables() throws Exception {
        IntakeRecorder r37 = new IntakeRecorder();
        IntakeSummary s37 = fusions.read(Fixtures.open("extdata/pcgr-examples/T001-BRCA.grch37.fusions.tsv"),
                GenomeBuild.GRCh37, null, r37);
        assertEquals(new IntakeSummary(13, 12, 1, GenomeBuild.GRCh37), s37);
        FieldError beyond = r37.rejection(10);
        assertEquals("RightBreakpoint", beyond.field());
        assertEquals(3, beyond.column());
        assertTrue(beyond.reason().contains("outside chromosome 9 on GRCh37"), beyond.reason());
        NormalizedFinding eml4 = r37.only(2);
        assertEquals("EML4::ALK", eml4.fusion());
        assertEquals(List.of(new GenomicLocation(GenomeBuild.GRCh37, "2", 42522694, null, null),
                new GenomicLocation(GenomeBuild.GRCh37, "2", 29446394, null, null)), eml4.locations());
        NormalizedFinding ntrk1 = r37.only(7);
        assertEquals("NTRK1::TPM3", ntrk1.fusion());
        assertEquals("NTRK1", ntrk1.threePrimeGene());
        assertEquals("FGFR3", r37.only(6).fivePrimeGene(), "FGFR3::TACC3 keeps FGFR3 5'");
        assertEquals("CCDC6::RET", r37.only(11).fusion());
        assertEquals("?::ALK", r37.only(12).fusion());
        assertEquals("FGFR2::?", r37.only(13).fusion());
        assertNull(r37.only(13).threePrimeGene());
        assertEquals("?::NTRK3", r37.only(14).fusion());

        IntakeRecorder r38 = new IntakeRecorder();
        IntakeSummary s38 = fusions.read(Fixtures.open("extdata/pcgr-examples/T001-BRCA.grch38.fusions.tsv"),
                GenomeBuild.GRCh38, null, r38);
        assertEquals(new IntakeSummary(9, 9, 0, GenomeBuild.GRCh38), s38);
        assertEquals("CCDC6::RET", r38.only(7).fusion());
        assertEquals("KIAA1549::BRAF", r38.only(6).fusion());

        IntakeRecorder noBuild = new IntakeRecorder();
        fusions.read(Fixtures.open("extdata/pcgr-examples/T001-BRCA.grch38.fusions.tsv"), null, null, noBuild);
        assertTrue(noBuild.only(2).warnings().contains("breakpoints not checked or reported: no genome build declared"));
    }

    @Test
    void unrecognizedFusionHeader() {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> fusions.read(
                new ByteArrayInputStream("a\tb\nCCDC6\tRET\n".getBytes(StandardCharsets.US_ASCII)), null, null,
                new IntakeRecorder()));
        assertTrue(e.getMessage().startsWith("unrecognized fusion table header"));
    }
}
