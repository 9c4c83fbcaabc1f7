package org.thyronco.genomics.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thyronco.genomics.normalize.reference.Chromosomes;
import org.thyronco.genomics.normalize.reference.GeneTable;
import org.thyronco.genomics.normalize.reference.HotspotTable;
import org.thyronco.genomics.normalize.reference.TranscriptTable;

/** The curated data tables agree with the verified anchors of DOMAIN §3.1 and are internally consistent. */
class ReferenceTablesTest {

    private final HotspotTable hotspots = HotspotTable.get();

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                // gene, c. position, GRCh37, GRCh38, coding base (DOMAIN 3.1 [V]/[D] rows)
                "BRAF, 1799, 140453136, 140753336, T",
                "BRAF, 1798, 140453137, 140753337, G",
                "BRAF, 1801, 140453134, 140753334, A",
                "NRAS, 182, 115256529, 114713908, A",
                "NRAS, 181, 115256530, 114713909, C",
                "HRAS, 182, 533874, -, A",
                "KRAS, 34, 25398285, 25245351, G",
                "PIK3CA, 3140, 178952085, 179234297, A",
                "PIK3CA, 1633, 178936091, 179218303, G",
                "TP53, 743, 7577538, 7674220, G",
                "RET, 2753, 43617416, 43121968, T",
                "TERT, -124, 1295228, 1295113, C",
                "TERT, -146, 1295250, 1295135, C",
            })
    void anchorsFromDomain(String gene, long cPos, long grch37, Long grch38, char codingBase) {
        HotspotTable.BaseHit hit = hotspots.atCds(gene, cPos);
        assertNotNull(hit, gene + " c." + cPos);
        assertEquals(codingBase, hit.codingBase());
        assertEquals(grch37, hit.site().position(GenomeBuild.GRCh37, hit.index()));
        if (grch38 == null) {
            assertFalse(hit.site().covers(GenomeBuild.GRCh38), "HRAS GRCh38 is [U] and must stay out");
        } else {
            assertEquals(grch38, hit.site().position(GenomeBuild.GRCh38, hit.index()));
        }
    }

    @Test
    void codonRowsAreConsistent() {
        int codons = 0;
        for (HotspotTable.Site s : hotspots.sites()) {
            if (s.kind() != HotspotTable.Kind.CODON) {
                continue;
            }
            codons++;
            assertNotNull(s.refAa(), s.name());
            for (GenomeBuild b : GenomeBuild.values()) {
                if (!s.covers(b)) {
                    continue;
                }
                long step = s.minusStrand() ? -1 : 1;
                assertEquals(s.position(b, 0) + step, s.position(b, 1), s.name() + " " + b);
                assertEquals(s.position(b, 1) + step, s.position(b, 2), s.name() + " " + b);
                assertTrue(s.position(b, 2) <= Chromosomes.length(b, s.chromosome()));
            }
        }
        assertEquals(9, codons, "BRAF 600/601, NRAS 61, HRAS 61, KRAS 12, PIK3CA 545/1047, TP53 248, RET 918");
        assertEquals("V", String.valueOf(hotspots.residue("BRAF", 600).refAa().one()));
        assertEquals("K", String.valueOf(hotspots.residue("BRAF", 601).refAa().one()));
        assertNull(hotspots.residue("BRAF", 597), "codons 597/469/464 are not derivable from DOMAIN");
        assertNull(hotspots.residue("NRAS", 12), "NRAS 12/13 are not derivable from DOMAIN");
    }

    @Test
    void chromosomesAndAccessions() {
        assertEquals(249250621, Chromosomes.length(GenomeBuild.GRCh37, "1"));
        assertEquals(248956422, Chromosomes.length(GenomeBuild.GRCh38, "1"));
        assertEquals(new Chromosomes.Located(GenomeBuild.GRCh38, "7"), Chromosomes.fromAccession("NC_000007.14"));
        assertEquals(new Chromosomes.Located(GenomeBuild.GRCh37, "5"), Chromosomes.fromAccession("NC_000005.9"));
        for (String c : List.of("7", "chr7", "CHR7", "chromosome7")) {
            assertEquals("7", Chromosomes.normalize(c));
        }
        assertEquals("MT", Chromosomes.normalize("chrM"));
        assertEquals("X", Chromosomes.normalize("chrx"));
        for (String bad : List.of("chr23", "GL000220.1", "chrUn_gl000220", "07", "", "chr")) {
            assertNull(Chromosomes.normalize(bad), bad);
        }
    }

    @Test
    void genesAndTranscripts() {
        GeneTable genes = GeneTable.get();
        for (String g : List.of("EML4", "ALK", "BCR", "ABL1", "EWSR1", "FLI1", "TMPRSS2", "ERG", "FGFR3", "TACC3",
                "NTRK1", "TPM3", "PAX3", "FOXO1", "KIAA1549", "BRAF", "MYB", "NFIB", "CCDC6", "RET", "FGFR2", "NTRK3")) {
            assertEquals(g, genes.resolve(g).symbol(), "PCGR fusion fixture gene " + g);
        }
        assertEquals("CCDC6", genes.resolve("D10S170").symbol());
        assertEquals("NCOA4", genes.resolve("ELE1").symbol());
        assertEquals("NTRK2", genes.resolve("TRKB").symbol());
        assertEquals("CD274", genes.resolve("PD-L1").symbol());
        assertEquals("BRAF", genes.resolve("HGNC:1097").symbol());
        assertNull(genes.resolve("MLL2"), "ambiguous historical symbol left out");
        TranscriptTable.Match braf = TranscriptTable.get().byAccession("NP_004324.2");
        assertEquals("BRAF", braf.transcript().gene());
        assertTrue(braf.exact());
        assertFalse(TranscriptTable.get().byAccession("NM_004333.4").exact());
        assertTrue(TranscriptTable.get().byAccession("ENST00000646891.2").exact());
    }
}
