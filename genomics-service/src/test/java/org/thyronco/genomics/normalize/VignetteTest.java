package org.thyronco.genomics.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thyronco.genomics.normalize.FindingNormalizerTest.ok;
import static org.thyronco.genomics.normalize.FindingNormalizerTest.rejected;

import org.junit.jupiter.api.Test;

/** The molecular inputs of the clinical vignettes (DOMAIN §10, V01-V25) and the extra negative controls. */
class VignetteTest {

    private final FindingNormalizer n = new FindingNormalizer();

    private NormalizedFinding variant(String text) {
        return ok(n.normalize(FindingInput.variant(null, text)));
    }

    private NormalizedFinding genomic(String gene, String text, GenomeBuild build) {
        return ok(n.normalize(FindingInput.variant(gene, null).withGenomic(text, build)));
    }

    @Test
    void v01BrafV600e() {
        NormalizedFinding f = variant("BRAF p.V600E");
        assertEquals("BRAF", f.gene());
        assertEquals("p.V600E", f.proteinChange());
    }

    @Test
    void v02CdnaNormalizesToV600e() {
        NormalizedFinding f = variant("NM_004333.6:c.1799T>A");
        assertEquals("BRAF", f.gene());
        assertEquals("p.V600E", f.proteinChange());
        assertEquals("NM_004333.6:c.1799T>A", f.hgvsc());
    }

    @Test
    void v03BuildsMustNotBeMixed() {
        NormalizedFinding grch38 = ok(n.normalize(
                FindingInput.variant(null, "p.Val600Glu").withGenomic("chr7 140753336 A T", GenomeBuild.GRCh38)));
        assertEquals("p.V600E", grch38.proteinChange());
        assertEquals("BRAF", grch38.gene());
        NormalizedFinding grch37 = genomic(null, "7:140453136 A>T", GenomeBuild.GRCh37);
        assertEquals("p.V600E", grch37.proteinChange());
        // a GRCh37 coordinate submitted as GRCh38 is not annotated as V600E
        NormalizedFinding mixed = genomic(null, "7:140453136 A>T", GenomeBuild.GRCh38);
        assertNull(mixed.gene());
        assertNull(mixed.proteinChange());
        assertTrue(mixed.warnings().contains("not at a known hotspot; protein change not derived"));
        // and together with the protein change it is rejected outright
        FieldError e = rejected(n.normalize(
                FindingInput.variant("BRAF", "p.Val600Glu").withGenomic("7:140453136 A>T", GenomeBuild.GRCh38)));
        assertTrue(e.reason().contains("check the genome build"), e.reason());
    }

    @Test
    void v04V600kIsNotV600e() {
        NormalizedFinding f = variant("BRAF c.1798_1799delinsAA p.(Val600Lys)");
        assertEquals("p.V600K", f.proteinChange());
        assertEquals("NM_004333.6:c.1798_1799delinsAA", f.hgvsc());
        assertEquals(new GenomicLocation(GenomeBuild.GRCh38, "7", 140753336, "AC", "TT"), f.locations().get(1));
        assertEquals(new GenomicLocation(GenomeBuild.GRCh37, "7", 140453136, "AC", "TT"), f.locations().get(0));
    }

    @Test
    void v05BrafPlusPik3ca() {
        assertEquals("p.V600E", variant("BRAF V600E").proteinChange());
        NormalizedFinding p = genomic("PIK3CA", "chr3:179234297 A>G", GenomeBuild.GRCh38);
        assertEquals("p.H1047R", p.proteinChange());
        assertEquals("PIK3CA", p.gene());
    }

    @Test
    void v07Tp53AndTert() {
        NormalizedFinding tp53 = variant("TP53 p.R248Q");
        assertEquals("p.R248Q", tp53.proteinChange());
        NormalizedFinding tert = variant("TERT c.-124C>T");
        assertEquals(VariantClass.PROMOTER, tert.variantClass());
        assertEquals("NM_198253.3:c.-124C>T", tert.hgvsc());
        assertEquals("TPS", ok(n.normalize(FindingInput.pdl1("TPS", 0.0, null))).pdl1Score());
    }

    @Test
    void v08Tp53R273hAndPdl1() {
        assertEquals("p.R273H", variant("TP53 R273H").proteinChange());
        assertEquals(70.0, ok(n.normalize(FindingInput.pdl1("TPS", 70.0, null))).pdl1Value());
    }

    @Test
    void v09V10V14V21Fusions() {
        assertEquals("NCOA4::RET", ok(n.normalize(FindingInput.fusion("NCOA4::RET"))).fusion());
        NormalizedFinding v10 = ok(n.normalize(FindingInput.fusion("TPM3-NTRK1")));
        assertEquals("TPM3::NTRK1", v10.fusion());
        assertEquals("NTRK1", v10.threePrimeGene());
        assertEquals("ETV6::NTRK3", ok(n.normalize(FindingInput.fusion("ETV6::NTRK3"))).fusion());
        assertEquals("ALK", ok(n.normalize(FindingInput.fusion("STRN::ALK"))).threePrimeGene());
    }

    @Test
    void v11Msi() {
        assertEquals("MSI-H", ok(n.normalize(FindingInput.msi("MSI-H", "PCR"))).msi());
        assertEquals("MSI-H", ok(n.normalize(FindingInput.msi("dMMR", "IHC"))).msi());
    }

    @Test
    void v12TertGivenAsGrch38Coordinate() {
        NormalizedFinding f = genomic(null, "chr5:1295113 G>A", GenomeBuild.GRCh38);
        assertEquals("TERT", f.gene());
        assertNull(f.proteinChange());
        assertEquals("NM_198253.3:c.-124C>T", f.hgvsc());
        assertEquals(VariantClass.PROMOTER, f.variantClass());
        assertEquals(variant("TERT C228T").hgvsc(), f.hgvsc());
    }

    @Test
    void v15RetPtc1() {
        NormalizedFinding f = ok(n.normalize(FindingInput.fusion("RET/PTC1")));
        assertEquals("CCDC6::RET", f.fusion());
        assertEquals("CCDC6", f.fivePrimeGene());
        assertEquals("RET", f.threePrimeGene());
    }

    @Test
    void v16BrafAndTertC250t() {
        assertEquals("p.V600E", variant("BRAF V600E").proteinChange());
        NormalizedFinding tert = variant("TERT c.-146C>T");
        assertEquals("NM_198253.3:c.-146C>T", tert.hgvsc());
        assertTrue(tert.locations().contains(new GenomicLocation(GenomeBuild.GRCh38, "5", 1295135, "G", "A")));
    }

    @Test
    void v17K601eIsNotV600e() {
        NormalizedFinding f = variant("BRAF p.Lys601Glu (c.1801A>G)");
        assertEquals("p.K601E", f.proteinChange());
        assertEquals("NM_004333.6:c.1801A>G", f.hgvsc());
        assertTrue(f.locations().contains(new GenomicLocation(GenomeBuild.GRCh38, "7", 140753334, "T", "C")));
        assertNotEquals("p.V600E", f.proteinChange());
    }

    @Test
    void v18KrasG12c() {
        NormalizedFinding f = genomic("KRAS", "chr12:25245351 C>A", GenomeBuild.GRCh38);
        assertEquals("p.G12C", f.proteinChange());
        assertEquals("NM_004985.5:c.34G>T", f.hgvsc());
        assertEquals("p.G12C", variant("KRAS G12C").proteinChange());
    }

    @Test
    void v19NrasQ61rGrch37() {
        NormalizedFinding f = ok(n.normalize(FindingInput.variant("NRAS", "p.Q61R")
                .withGenomic("1:115256529 T>C", GenomeBuild.GRCh37)));
        assertEquals("p.Q61R", f.proteinChange());
        assertEquals("NM_002524.5:c.182A>G", f.hgvsc());
        NormalizedFinding build = genomic(null, "GRCh37 1:115256529 T>C", null);
        assertEquals("p.Q61R", build.proteinChange());
    }

    @Test
    void v20Tmb() {
        assertEquals(12.0, ok(n.normalize(FindingInput.tmb(12.0, "F1CDx"))).tmb());
        assertEquals(8.0, ok(n.normalize(FindingInput.tmb(8.0, "F1CDx"))).tmb());
    }

    @Test
    void v23V24Ret() {
        NormalizedFinding m918t = variant("RET p.Met918Thr (NM_020975.6:c.2753T>C)");
        assertEquals("p.M918T", m918t.proteinChange());
        assertEquals("NM_020975.6:c.2753T>C", m918t.hgvsc());
        assertEquals("p.G810S", variant("RET G810S").proteinChange());
    }

    @Test
    void v25SynonymousAndV600m() {
        NormalizedFinding syn = variant("BRAF c.1800G>A p.(Val600=)");
        assertEquals("p.V600=", syn.proteinChange());
        assertEquals(VariantClass.SYNONYMOUS, syn.variantClass());
        NormalizedFinding m = variant("BRAF p.V600M");
        assertEquals("p.V600M", m.proteinChange());
        assertEquals(VariantClass.MISSENSE, m.variantClass());
    }

    @Test
    void negativeControlV600dIsNotV600e() {
        NormalizedFinding f = variant("BRAF c.1799_1800delinsAT");
        assertEquals("p.V600D", f.proteinChange());
        FieldError e = rejected(n.normalize(FindingInput.variant(null, "BRAF c.1799_1800delinsAT p.V600E")));
        assertTrue(e.reason().contains("gives p.V600D, not p.V600E"), e.reason());
    }

    @Test
    void negativeControlNras114713908TtoAIsQ61lNotQ61k() {
        NormalizedFinding f = genomic("NRAS", "1:114713908:T:A", GenomeBuild.GRCh38);
        assertEquals("p.Q61L", f.proteinChange());
        assertEquals("NM_002524.5:c.182A>T", f.hgvsc());
        FieldError e = rejected(n.normalize(FindingInput.variant("NRAS", "p.Q61K")
                .withGenomic("1:114713908:T:A", GenomeBuild.GRCh38)));
        assertTrue(e.reason().contains("gives p.Q61L, not p.Q61K"), e.reason());
        assertEquals("p.Q61K", genomic("NRAS", "1:114713909:G:T", GenomeBuild.GRCh38).proteinChange());
    }
}
