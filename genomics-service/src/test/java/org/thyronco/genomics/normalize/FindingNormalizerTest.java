package org.thyronco.genomics.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Single-finding normalization: spellings, cross-checks and rejections. */
class FindingNormalizerTest {

    private final FindingNormalizer normalizer = new FindingNormalizer();

    static NormalizedFinding ok(NormalizationResult r) {
        assertTrue(r.ok(), () -> "rejected: " + r.errors());
        return r.finding();
    }

    static FieldError rejected(NormalizationResult r) {
        assertFalse(r.ok(), () -> "accepted: " + r.finding());
        assertNull(r.finding());
        return r.errors().get(0);
    }

    private NormalizationResult variant(String gene, String variant) {
        return normalizer.normalize(FindingInput.variant(gene, variant));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "BRAF|V600E",
                "BRAF|p.V600E",
                "BRAF|p.Val600Glu",
                "BRAF|p.(Val600Glu)",
                "-|NP_004324.2:p.Val600Glu",
                "-|BRAF:p.V600E",
                "-|BRAF p.V600E",
                "-|BRAF V600E",
                "braf|V600E",
                "BRAF|(p.Val600Glu)",
            })
    void proteinSpellingsOfV600E(String gene, String variant) {
        NormalizedFinding f = ok(variant(gene, variant));
        assertEquals("BRAF", f.gene());
        assertEquals("p.V600E", f.proteinChange());
        assertEquals(VariantClass.MISSENSE, f.variantClass());
        assertEquals(FindingType.VARIANT, f.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NM_004333.6:c.1799T>A", "NM_004333.6(BRAF):c.1799T>A", "ENST00000288602.10:c.1799T>A"})
    void cdnaSpellingsOfV600E(String variant) {
        NormalizedFinding f = ok(variant(null, variant));
        assertEquals("BRAF", f.gene());
        assertEquals("p.V600E", f.proteinChange());
        assertEquals("NM_004333.6:c.1799T>A", f.hgvsc());
        assertEquals(
                List.of(
                        new GenomicLocation(GenomeBuild.GRCh37, "7", 140453136, "A", "T"),
                        new GenomicLocation(GenomeBuild.GRCh38, "7", 140753336, "A", "T")),
                f.locations());
        assertTrue(f.vrsId().startsWith("ga4gh:VA."));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "7:140753336:A:T|GRCh38",
                "chr7-140753336-A-T|GRCh38",
                "chr7 140753336 A T|GRCh38",
                "7:140753336 A>T|GRCh38",
                "NC_000007.14:g.140753336A>T|GRCh38",
                "chr7:g.140753336A>T|GRCh38",
                "7:140453136:A:T|GRCh37",
                "NC_000007.13:g.140453136A>T|GRCh37",
            })
    void genomicSpellingsOfV600E(String genomic, GenomeBuild build) {
        NormalizedFinding f = ok(normalizer.normalize(FindingInput.genomic(genomic, build)));
        assertEquals("BRAF", f.gene());
        assertEquals("p.V600E", f.proteinChange());
        assertEquals("NM_004333.6:c.1799T>A", f.hgvsc());
        assertEquals(build, f.locations().get(0).build());
        assertEquals(2, f.locations().size(), "both builds for a known hotspot");
        assertEquals(f.warnings(), List.of());
    }

    @Test
    void synonymousNonsenseFrameshiftAndInframeForms() {
        assertEquals("p.V600=", ok(variant("BRAF", "p.Val600=")).proteinChange());
        assertEquals(VariantClass.SYNONYMOUS, ok(variant("BRAF", "p.V600=")).variantClass());
        NormalizedFinding stop = ok(variant("TP53", "p.Arg213Ter"));
        assertEquals("p.R213*", stop.proteinChange());
        assertEquals(VariantClass.NONSENSE, stop.variantClass());
        assertEquals("p.R213*", ok(variant("TP53", "R213X")).proteinChange());
        assertEquals("p.R213*", ok(variant("TP53", "p.R213*")).proteinChange());
        NormalizedFinding fs = ok(variant("TP53", "p.Glu1051GlyfsTer10"));
        assertEquals("p.E1051Gfs*10", fs.proteinChange());
        assertEquals(VariantClass.FRAMESHIFT, fs.variantClass());
        assertEquals(VariantClass.INFRAME_DELETION, ok(variant("EGFR", "p.E746_A750del")).variantClass());
        assertEquals("p.L747_T751del", ok(variant("EGFR", "L747_T751delLREAT")).proteinChange());
        assertEquals(VariantClass.INFRAME_INSERTION, ok(variant("BRAF", "p.T599_V600insV")).variantClass());
        assertEquals(VariantClass.INFRAME_INSERTION, ok(variant("EGFR", "p.A767_V769dup")).variantClass());
        NormalizedFinding delins = ok(variant("EGFR", "p.Leu747_Thr751delinsPro"));
        assertEquals("p.L747_T751delinsP", delins.proteinChange());
        assertEquals(VariantClass.INFRAME_DELINS, delins.variantClass());
        assertEquals(VariantClass.START_LOST, ok(variant("PTEN", "p.Met1?")).variantClass());
        assertEquals(VariantClass.START_LOST, ok(variant("PTEN", "p.Met1Valext-10")).variantClass());
        assertEquals(VariantClass.STOP_LOST, ok(variant("PTEN", "p.Ter404Trpext*45")).variantClass());
        assertEquals("p.*404Wext*45", ok(variant("PTEN", "p.*404Wext*45")).proteinChange());
    }

    @Test
    void impossibleProteinChangesAreRejected() {
        FieldError z = rejected(variant("BRAF", "p.V600Z"));
        assertEquals("variant", z.field());
        assertTrue(z.reason().contains("unknown amino acid 'Z'"), z.reason());
        assertTrue(rejected(variant("BRAF", "p.V0E")).reason().contains("position 0"));
        assertTrue(rejected(variant("BRAF", "p.VxxE")).reason().contains("unknown amino acid"));
        assertTrue(rejected(variant("BRAF", "p.V600")).reason().contains("expected an amino acid"));
        assertEquals("reference amino acid at BRAF 600 is V, not A", rejected(variant("BRAF", "p.A600E")).reason());
        assertEquals("reference amino acid at RET 918 is M, not V", rejected(variant("RET", "p.V918T")).reason());
        assertTrue(rejected(variant("BRAF", "p.TrpVal24CysArg")).reason().contains("ambiguous"));
        assertTrue(rejected(variant("EGFR", "L747_T751delLREATX")).reason().contains("do not match"));
        assertTrue(rejected(variant("EGFR", "p.K745_E749insA")).reason().contains("adjacent"));
        assertTrue(rejected(variant("BRAF", "p.?")).reason().contains("whole-protein"));
        assertTrue(rejected(variant("BRAF", "p.R248?")).reason().contains("unknown consequence"));
    }

    @Test
    void geneRules() {
        FieldError unknown = rejected(variant("FOO1", "V600E"));
        assertEquals("gene", unknown.field());
        assertEquals("unknown gene symbol 'FOO1'", unknown.reason());
        assertEquals("gene", rejected(variant(null, "p.V600E")).field());
        NormalizedFinding alias = ok(variant("HER2", "p.S310F"));
        assertEquals("ERBB2", alias.gene());
        assertTrue(alias.warnings().contains("gene alias 'HER2' resolved to ERBB2"));
        FieldError disagree = rejected(variant("RET", "NP_004324.2:p.V600E"));
        assertTrue(disagree.reason().contains("disagrees"), disagree.reason());
        assertTrue(rejected(variant("BRAF", "FOO V600E")).reason().contains("unknown gene symbol 'FOO'"));
    }

    @Test
    void cdnaTranslatesOnlyInsideTheCodonTable() {
        NormalizedFinding mnv = ok(variant(null, "NM_004333.6:c.1799_1800delinsAA"));
        assertEquals("p.V600E", mnv.proteinChange(), "GAA is Glu too");
        assertEquals(new GenomicLocation(GenomeBuild.GRCh38, "7", 140753335, "CA", "TT"), mnv.locations().get(1));
        assertEquals("p.V600D", ok(variant(null, "NM_004333.6:c.1799_1800delinsAT")).proteinChange());
        assertEquals("p.V600K", ok(variant(null, "NM_004333.6:c.1798_1799delinsAA")).proteinChange());
        NormalizedFinding syn = ok(variant(null, "NM_004333.6:c.1800G>A"));
        assertEquals("p.V600=", syn.proteinChange());
        assertEquals(VariantClass.SYNONYMOUS, syn.variantClass());
        assertEquals("p.V600_K601delinsEE", ok(variant(null, "NM_004333.6:c.1799_1801delinsAGG"))
                .proteinChange());

        NormalizedFinding outside = ok(variant(null, "NM_004333.6:c.1397G>T"));
        assertEquals("BRAF", outside.gene());
        assertNull(outside.proteinChange());
        assertEquals("NM_004333.6:c.1397G>T", outside.hgvsc());
        assertTrue(outside.warnings().contains("protein change not derived (no transcript model)"));

        NormalizedFinding otherVersion = ok(variant(null, "NM_004333.4:c.1799T>A"));
        assertNull(otherVersion.proteinChange());
        assertEquals("NM_004333.4:c.1799T>A", otherVersion.hgvsc());

        NormalizedFinding frameshift = ok(variant("TP53", "c.215del"));
        assertEquals(VariantClass.FRAMESHIFT, frameshift.variantClass());
        assertEquals(VariantClass.SPLICE, ok(variant("TP53", "c.375+1G>A")).variantClass());
        assertEquals(VariantClass.INFRAME_DELETION, ok(variant("EGFR", "c.2235_2249del")).variantClass());

        FieldError mismatch = rejected(variant(null, "NM_004333.6:c.1799G>A"));
        assertEquals("reference base mismatch at BRAF c.1799: expected T, got G", mismatch.reason());
        FieldError crossCheck = rejected(variant(null, "BRAF c.1799T>A p.V600K"));
        assertTrue(crossCheck.reason().contains("gives p.V600E, not p.V600K"), crossCheck.reason());
    }

    @Test
    void genomicRules() {
        FieldError noBuild = rejected(normalizer.normalize(FindingInput.genomic("7:140753336:A:T", null)));
        assertEquals("build", noBuild.field());
        FieldError refMismatch = rejected(normalizer.normalize(FindingInput.genomic("7:140753336:G:T",
                GenomeBuild.GRCh38)));
        assertTrue(refMismatch.reason().startsWith(
                "reference base mismatch at 7:140753336 on GRCh38: expected A, got G"), refMismatch.reason());
        assertTrue(rejected(normalizer.normalize(FindingInput.genomic("chrUn_gl000220:100:A:T",
                GenomeBuild.GRCh38))).reason().startsWith("unknown contig"));
        assertTrue(rejected(normalizer.normalize(FindingInput.genomic("9:143000000:A:T", GenomeBuild.GRCh37)))
                .reason().contains("outside chromosome 9"));
        assertTrue(rejected(normalizer.normalize(FindingInput.genomic("7:140753336:A:R", GenomeBuild.GRCh38)))
                .field().equals("genomic"));
        assertEquals("build", rejected(normalizer.normalize(FindingInput.genomic("NC_000007.13:g.140453136A>T",
                GenomeBuild.GRCh38))).field());
        assertTrue(rejected(normalizer.normalize(FindingInput.genomic("NC_000017.11:g.7675088_7675090del",
                GenomeBuild.GRCh38))).reason().contains("not available offline"));

        NormalizedFinding elsewhere = ok(normalizer.normalize(FindingInput.genomic("17:7675088:C:T",
                GenomeBuild.GRCh38)));
        assertNull(elsewhere.gene());
        assertNull(elsewhere.proteinChange());
        assertEquals(List.of("not at a known hotspot; protein change not derived"), elsewhere.warnings());
        assertNull(elsewhere.vrsId(), "no refget id for GRCh38 chr17 in the fixtures");

        NormalizedFinding indel = ok(normalizer.normalize(FindingInput.genomic("7:140753335:CA:C",
                GenomeBuild.GRCh38)));
        assertEquals("BRAF", indel.gene());
        assertNull(indel.proteinChange());
        assertEquals(VariantClass.FRAMESHIFT, indel.variantClass());
        assertEquals(new GenomicLocation(GenomeBuild.GRCh37, "7", 140453135, "CA", "C"), indel.locations().get(1));
        assertNull(indel.vrsId(), "a deletion needs the reference sequence for VRS normalization");
        assertTrue(indel.warnings().get(0).startsWith("insertion/deletion at BRAF 600"));

        NormalizedFinding trimmed = ok(normalizer.normalize(FindingInput.genomic("7:140753335:CAC:CTC",
                GenomeBuild.GRCh38)));
        assertEquals(new GenomicLocation(GenomeBuild.GRCh38, "7", 140753336, "A", "T"), trimmed.locations().get(0));
        assertEquals("p.V600E", trimmed.proteinChange());
    }

    @Test
    void tertPromoter() {
        for (String v : List.of("C228T", "c.-124C>T", "NM_198253.3:c.-124C>T", "TERT C228T")) {
            NormalizedFinding f = ok(variant(v.startsWith("TERT") ? null : "TERT", v));
            assertEquals("TERT", f.gene());
            assertNull(f.proteinChange());
            assertEquals("NM_198253.3:c.-124C>T", f.hgvsc());
            assertEquals(VariantClass.PROMOTER, f.variantClass());
            assertTrue(f.locations().contains(new GenomicLocation(GenomeBuild.GRCh38, "5", 1295113, "G", "A")));
            assertTrue(f.locations().contains(new GenomicLocation(GenomeBuild.GRCh37, "5", 1295228, "G", "A")));
        }
        NormalizedFinding c250 = ok(normalizer.normalize(FindingInput.genomic("5:1295250:G:A", GenomeBuild.GRCh37)));
        assertEquals("NM_198253.3:c.-146C>T", c250.hgvsc());
        assertEquals("gene", rejected(variant(null, "C228T")).field());
        FieldError wrong = rejected(normalizer.normalize(FindingInput.variant("TERT", "C228T")
                .withGenomic("5:1295135:G:A", GenomeBuild.GRCh38)));
        assertTrue(wrong.reason().contains("c.-146C>T"), wrong.reason());
    }

    @Test
    void fusions() {
        String[][] cases = {
            {"CCDC6::RET", "CCDC6::RET", "CCDC6", "RET"},
            {"CCDC6-RET", "CCDC6::RET", "CCDC6", "RET"},
            {"CCDC6--RET", "CCDC6::RET", "CCDC6", "RET"},
            {"CCDC6/RET", "CCDC6::RET", "CCDC6", "RET"},
            {"CCDC6_RET", "CCDC6::RET", "CCDC6", "RET"},
            {"RET/PTC1", "CCDC6::RET", "CCDC6", "RET"},
            {"RET/PTC3", "NCOA4::RET", "NCOA4", "RET"},
            {"H4-RET", "CCDC6::RET", "CCDC6", "RET"},
            {"ALK-EML4", "ALK::EML4", "EML4", "ALK"},
            {"EML4--ALK", "EML4::ALK", "EML4", "ALK"},
            {"TPM3-NTRK1", "TPM3::NTRK1", "TPM3", "NTRK1"},
            {"RET fusion", "?::RET", null, "RET"},
            {"--ALK", "?::ALK", null, "ALK"},
            {"FGFR3--TACC3", "FGFR3::TACC3", "FGFR3", "TACC3"},
        };
        for (String[] c : cases) {
            NormalizedFinding f = ok(normalizer.normalize(FindingInput.fusion(c[0])));
            assertEquals(c[1], f.fusion(), c[0]);
            assertEquals(c[2], f.fivePrimeGene(), c[0]);
            assertEquals(c[3], f.threePrimeGene(), c[0]);
            assertEquals(VariantClass.FUSION, f.variantClass());
            assertEquals(c[0], f.raw());
        }
        assertTrue(ok(normalizer.normalize(FindingInput.fusion("ALK-EML4"))).warnings()
                .contains("kinase gene given 5'; treated as 3' partner"));
        assertTrue(ok(normalizer.normalize(FindingInput.fusion("RET fusion"))).warnings().contains("partner not given"));
        assertEquals("intragenic rearrangement is not a functional fusion (RET::RET)",
                rejected(normalizer.normalize(FindingInput.fusion("RET::RET"))).reason());
        assertTrue(rejected(normalizer.normalize(FindingInput.fusion("EGFR-intragenic"))).reason()
                .startsWith("intragenic rearrangement is not a functional fusion"));
        assertTrue(rejected(normalizer.normalize(FindingInput.fusion("RET/PTC2"))).reason().contains("RET/PTC"));
        assertTrue(rejected(normalizer.normalize(FindingInput.fusion("FOO1::RET"))).reason()
                .contains("unknown gene symbol 'FOO1'"));
        assertTrue(rejected(normalizer.normalize(FindingInput.fusion("ETV6 fusion"))).reason()
                .contains("orientation"));
        NormalizedFinding geneOnly = ok(normalizer.normalize(new FindingInput(FindingType.FUSION, "NTRK3", null, null,
                null, null, null, null, null, null, null, null, null)));
        assertEquals("?::NTRK3", geneOnly.fusion());
    }

    @Test
    void copyNumber() {
        for (String amp : List.of("AMPLIFICATION", "amp", "Amplification", "AMPL")) {
            NormalizedFinding f = ok(normalizer.normalize(FindingInput.copyNumber("MET", amp)));
            assertEquals("AMPLIFICATION", f.copyNumber());
            assertEquals(VariantClass.AMPLIFICATION, f.variantClass());
            assertEquals("MET", f.gene());
        }
        for (String del : List.of("DELETION", "del", "HOMDEL", "deep deletion")) {
            assertEquals("DELETION", ok(normalizer.normalize(FindingInput.copyNumber("CDKN2A", del))).copyNumber());
        }
        for (String low : List.of("GAIN", "loss", "gain")) {
            FieldError e = rejected(normalizer.normalize(FindingInput.copyNumber("MET", low)));
            assertTrue(e.reason().startsWith("low-level copy-number change is not reportable"), e.reason());
        }
        assertEquals("gene", rejected(normalizer.normalize(FindingInput.copyNumber("NOTAGENE1", "AMP"))).field());
        assertEquals("gene", rejected(normalizer.normalize(FindingInput.copyNumber(null, "AMP"))).field());
        assertEquals("type", rejected(variant("MET", "Amplification")).field());
    }

    @Test
    void biomarkers() {
        NormalizedFinding tmb = ok(normalizer.normalize(FindingInput.tmb(12.0, "F1CDx")));
        assertEquals(12.0, tmb.tmb());
        assertEquals("F1CDx", tmb.assay());
        assertEquals(0.0, ok(normalizer.normalize(FindingInput.tmb(0.0, null))).tmb());
        assertEquals("tmb", rejected(normalizer.normalize(FindingInput.tmb(-1.0, null))).field());
        assertEquals("tmb", rejected(normalizer.normalize(FindingInput.tmb(10001.0, null))).field());
        assertEquals("tmb", rejected(normalizer.normalize(FindingInput.tmb(Double.NaN, null))).field());
        assertEquals("tmb", rejected(normalizer.normalize(FindingInput.tmb(null, null))).field());

        for (String h : List.of("MSI-H", "MSI-high", "msi-h", "dMMR", "Microsatellite Instability-High")) {
            assertEquals("MSI-H", ok(normalizer.normalize(FindingInput.msi(h, "PCR"))).msi(), h);
        }
        for (String s : List.of("MSS", "MSI-L", "pMMR")) {
            assertEquals("MSS", ok(normalizer.normalize(FindingInput.msi(s, null))).msi(), s);
        }
        assertTrue(ok(normalizer.normalize(FindingInput.msi("MSI-L", null))).warnings().contains("MSI-L reported as MSS"));
        assertEquals("msi", rejected(normalizer.normalize(FindingInput.msi("unstable-ish", null))).field());

        NormalizedFinding tps = ok(normalizer.normalize(FindingInput.pdl1("TPS", 70.0, "22C3")));
        assertEquals("TPS", tps.pdl1Score());
        assertEquals(70.0, tps.pdl1Value());
        assertEquals("22C3", tps.assay());
        assertEquals(150.0, ok(normalizer.normalize(FindingInput.pdl1("cps", 150.0, null))).pdl1Value());
        assertEquals("pdl1Value", rejected(normalizer.normalize(FindingInput.pdl1("TPS", 101.0, null))).field());
        assertEquals("pdl1Value", rejected(normalizer.normalize(FindingInput.pdl1("CPS", 1001.0, null))).field());
        assertEquals("pdl1Score", rejected(normalizer.normalize(FindingInput.pdl1("IC", 5.0, null))).field());
    }

    @Test
    void typeIsInferredOnlyWhenUnambiguous() {
        FindingInput fusionOnly = new FindingInput(null, null, null, null, null, null, "CCDC6::RET", null, null, null,
                null, null, null);
        assertEquals(FindingType.FUSION, ok(normalizer.normalize(fusionOnly)).type());
        FindingInput both = new FindingInput(null, "BRAF", "V600E", null, null, null, "CCDC6::RET", null, null, null,
                null, null, null);
        assertEquals("type", rejected(normalizer.normalize(both)).field());
        assertEquals("input", rejected(normalizer.normalize(null)).field());
    }

    @Test
    void rawKeepsTheInputAsGiven() {
        NormalizedFinding f = ok(variant("BRAF", "p.(Val600Glu)"));
        assertEquals("BRAF p.(Val600Glu)", f.raw());
        NormalizedFinding g = ok(normalizer.normalize(FindingInput.genomic("chr7-140753336-A-T", GenomeBuild.GRCh38)));
        assertEquals("chr7-140753336-A-T (GRCh38)", g.raw());
        assertNotNull(g.vrsId());
    }
}
