package org.thyronco.genomics.normalize.vrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.thyronco.genomics.normalize.FindingInput;
import org.thyronco.genomics.normalize.FindingNormalizer;
import org.thyronco.genomics.normalize.Fixtures;
import org.thyronco.genomics.normalize.GenomeBuild;
import org.thyronco.genomics.normalize.MiniYaml;
import org.thyronco.genomics.normalize.NormalizationResult;
import org.thyronco.genomics.normalize.reference.Chromosomes;

/**
 * GA4GH VRS 2.x digests against the official vectors (ga4gh/vrs validation/*.yaml, Apache-2.0): sha512t24u, the
 * definite SequenceLocation and the literal-state Allele (rs7412), plus the BRAF V600K protein Allele in the VICC
 * metakb fixture. Range locations, ReferenceLengthExpression states and the other VRS classes are not produced by this
 * module and are not checked.
 */
class VrsVectorsTest {

    private final FindingNormalizer normalizer = new FindingNormalizer();

    @Test
    @SuppressWarnings("unchecked")
    void sha512t24uVectors() {
        Map<String, Object> doc = (Map<String, Object>) MiniYaml.parse(
                Fixtures.lines("extdata/ga4gh-vrs/functions.yaml"));
        List<Object> cases = (List<Object>) doc.get("sha512t24u");
        assertEquals(2, cases.size());
        for (Object o : cases) {
            Map<String, Object> c = (Map<String, Object>) o;
            String blob = (String) ((Map<String, Object>) c.get("in")).get("blob");
            assertEquals(c.get("out"), VrsIdentifier.sha512t24u(blob));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void sequenceLocationAndLiteralAlleleVectors() {
        Map<String, Object> doc = (Map<String, Object>) MiniYaml.parse(Fixtures.lines("extdata/ga4gh-vrs/models.yaml"));
        Map<String, Object> sl = (Map<String, Object>) ((List<Object>) doc.get("SequenceLocation")).get(0);
        Map<String, Object> in = (Map<String, Object>) sl.get("in");
        Map<String, Object> out = (Map<String, Object>) sl.get("out");
        String sq = (String) ((Map<String, Object>) in.get("sequenceReference")).get("refgetAccession");
        String json = VrsIdentifier.serializeLocation(
                sq, Long.parseLong((String) in.get("start")), Long.parseLong((String) in.get("end")));
        assertEquals(out.get("ga4gh_serialize"), json);
        assertEquals(out.get("ga4gh_digest"), VrsIdentifier.sha512t24u(json));

        Map<String, Object> allele = (Map<String, Object>) ((List<Object>) doc.get("Allele")).get(0);
        Map<String, Object> ain = (Map<String, Object>) allele.get("in");
        Map<String, Object> aout = (Map<String, Object>) allele.get("out");
        Map<String, Object> loc = (Map<String, Object>) ain.get("location");
        String asq = (String) ((Map<String, Object>) loc.get("sequenceReference")).get("refgetAccession");
        long start = Long.parseLong((String) loc.get("start"));
        long end = Long.parseLong((String) loc.get("end"));
        String seq = (String) ((Map<String, Object>) ain.get("state")).get("sequence");
        String locDigest = VrsIdentifier.sha512t24u(VrsIdentifier.serializeLocation(asq, start, end));
        String alleleJson = VrsIdentifier.serializeLiteralAllele(locDigest, seq);
        assertEquals(aout.get("ga4gh_serialize"), alleleJson);
        assertEquals(aout.get("ga4gh_digest"), VrsIdentifier.sha512t24u(alleleJson));
        assertEquals(aout.get("ga4gh_identify"), VrsIdentifier.alleleId(asq, start, end, seq));

        // the same allele end to end: rs7412 = GRCh38 19:44908822 C>T, normalized as a genomic finding
        NormalizationResult r = normalizer.normalize(FindingInput.genomic("19:44908822:C:T", GenomeBuild.GRCh38));
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(aout.get("ga4gh_identify"), r.finding().vrsId());
    }

    @Test
    void metakbBrafV600kProteinAllele() {
        String json = Fixtures.text("extdata/vicc-metakb/assertions.json");
        int at = json.indexOf("\"name\": \"BRAF V600K\"");
        assertTrue(at > 0);
        String block = json.substring(at, at + 1500);
        String id = find(block, "\"id\": \"(ga4gh:VA\\.[^\"]+)\"");
        String locDigest = find(block, "\"digest\": \"([^\"]+)\",\\s*\"sequenceReference\"");
        String sq = find(block, "\"refgetAccession\": \"([^\"]+)\"");
        long start = Long.parseLong(find(block, "\"start\": (\\d+)"));
        long end = Long.parseLong(find(block, "\"end\": (\\d+)"));
        String alt = find(block, "\"state\": \\{\\s*\"type\": \"LiteralSequenceExpression\",\\s*\"sequence\": \"(\\w+)\"");
        assertEquals(locDigest, VrsIdentifier.sha512t24u(VrsIdentifier.serializeLocation(sq, start, end)));
        assertEquals(id, VrsIdentifier.alleleId(sq, start, end, alt));
    }

    @Test
    void genomicFindingsUseTheAllelesOfTheViccTranslatorFixture() {
        String translators = Fixtures.text("extdata/vicc-variation-normalization/translators.yml");
        for (String query : List.of("NC_000007.13:g.140453136A>T", "NC_000007.13:g.140453135_140453136delinsAT")) {
            int at = translators.indexOf("- query: " + query + "\n");
            assertTrue(at > 0, query);
            String block = translators.substring(at, translators.indexOf("- query:", at + 10));
            String expected = VrsIdentifier.alleleId(
                    find(block, "\"refgetAccession\": \"([^\"]+)\""),
                    Long.parseLong(find(block, "\"start\": (\\d+)")),
                    Long.parseLong(find(block, "\"end\": (\\d+)")),
                    find(block, "\"sequence\": \"(\\w+)\""));
            NormalizationResult r = normalizer.normalize(FindingInput.genomic(query, null));
            assertTrue(r.ok(), r.errors().toString());
            assertEquals(expected, r.finding().vrsId(), query);
        }
    }

    @Test
    void refgetIdsComeFromCopiedFixturesOnly() {
        String sources = Fixtures.text("extdata/ga4gh-vrs/models.yaml")
                + Fixtures.text("extdata/vicc-variation-normalization/translators.yml");
        for (Map.Entry<String, String> e : Chromosomes.refgetIds().entrySet()) {
            assertTrue(sources.contains(e.getValue()), e.getKey() + " " + e.getValue() + " not in a fixture");
        }
        assertEquals("SQ.F-LrLMe1SRpfUZHkQmvkVKFEGaoDeHul", Chromosomes.refget(GenomeBuild.GRCh38, "7"));
        assertNull(Chromosomes.refget(GenomeBuild.GRCh38, "5"), "TERT's chromosome has no known refget id");
    }

    @Test
    void noIdWithoutRefgetOrForUnanchoredIndels() {
        assertNull(VrsIdentifier.alleleId(GenomeBuild.GRCh38, "5", 1295113, "G", "A"));
        assertNull(VrsIdentifier.alleleId(GenomeBuild.GRCh38, "7", 140753336, "AC", "A"));
        assertEquals(
                VrsIdentifier.alleleId(GenomeBuild.GRCh38, "7", 140753336, "A", "T"),
                VrsIdentifier.alleleId(GenomeBuild.GRCh38, "7", 140753335, "CA", "CT"));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }
}
