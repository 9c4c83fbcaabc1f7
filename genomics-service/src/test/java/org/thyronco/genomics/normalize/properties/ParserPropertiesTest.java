package org.thyronco.genomics.normalize.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.thyronco.genomics.normalize.FieldError;
import org.thyronco.genomics.normalize.FindingInput;
import org.thyronco.genomics.normalize.FindingNormalizer;
import org.thyronco.genomics.normalize.GenomeBuild;
import org.thyronco.genomics.normalize.IntakeSink;
import org.thyronco.genomics.normalize.IntakeSummary;
import org.thyronco.genomics.normalize.MalformedInputException;
import org.thyronco.genomics.normalize.NormalizationResult;
import org.thyronco.genomics.normalize.NormalizedFinding;
import org.thyronco.genomics.normalize.VcfIntake;

/** Properties of the HGVS and VCF parsers over generated input (jqwik). */
class ParserPropertiesTest {

    static final String[] ONE = "ACDEFGHIKLMNPQRSTVWY".split("");
    static final String[] THREE = {"Ala", "Cys", "Asp", "Glu", "Phe", "Gly", "His", "Ile", "Lys", "Leu", "Met", "Asn",
        "Pro", "Gln", "Arg", "Ser", "Thr", "Val", "Trp", "Tyr"};

    final FindingNormalizer normalizer = new FindingNormalizer();

    @Property(tries = 300)
    void oneAndThreeLetterSpellingsOfASubstitutionNormalizeAlike(@ForAll @IntRange(min = 0, max = 19) int from,
            @ForAll @IntRange(min = 0, max = 19) int to, @ForAll @IntRange(min = 1, max = 3000) int position) {
        NormalizationResult one = normalizer.normalize(FindingInput.variant("EGFR", "p." + ONE[from] + position + ONE[to]));
        NormalizationResult three = normalizer.normalize(FindingInput.variant("EGFR", "p." + THREE[from] + position
                + THREE[to]));
        assertThat(three.ok()).isEqualTo(one.ok());
        if (one.ok()) {
            assertThat(three.finding().proteinChange()).isEqualTo(one.finding().proteinChange());
            assertThat(one.finding().proteinChange()).isEqualTo("p." + ONE[from] + position
                    + (from == to ? "=" : ONE[to]));
        }
    }

    @Property(tries = 500)
    void anyTextIsEitherNormalizedOrRefusedWithAReasonNeverAnException(@ForAll String gene, @ForAll String variant) {
        NormalizationResult r = normalizer.normalize(FindingInput.variant(gene, variant));
        assertThat(r.ok() || !r.errors().isEmpty()).isTrue();
        r.errors().forEach(e -> assertThat(e.reason()).isNotBlank());
    }

    @Provide
    Arbitrary<String> records() {
        Arbitrary<String> chrom = Arbitraries.integers().between(1, 22).map(c -> "chr" + c);
        Arbitrary<Integer> pos = Arbitraries.integers().between(1, 40_000_000);
        Arbitrary<String> base = Arbitraries.of("A", "C", "G", "T");
        return Combinators.combine(chrom, pos, base, base).as((c, p, r, a) -> c + "\t" + p + "\t.\t" + r + "\t"
                + (a.equals(r) ? (r.equals("A") ? "C" : "A") : a) + "\t50\tPASS\t.\tGT\t0/1");
    }

    @Property(tries = 60)
    void everyWellFormedRecordIsAccountedFor(@ForAll @net.jqwik.api.constraints.Size(max = 40)
            List<@net.jqwik.api.From("records") String> lines) throws Exception {
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##reference=GRCh38\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n");
        lines.forEach(l -> vcf.append(l).append('\n'));
        Counting sink = new Counting();
        IntakeSummary s = new VcfIntake().read(new ByteArrayInputStream(vcf.toString().getBytes(StandardCharsets.UTF_8)),
                GenomeBuild.GRCh38, null, sink);
        assertThat(s.recordsRead()).isEqualTo(lines.size());
        assertThat(sink.accepted + sink.rejected.size()).isEqualTo(lines.size());
        sink.rejected.forEach(e -> assertThat(e.line()).isNotNull());
    }

    @Property(tries = 200)
    void garbageAfterAValidHeaderIsRejectedLineByLineNeverThrown(@ForAll List<@net.jqwik.api.constraints.StringLength(
            max = 80) String> junk) {
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        junk.forEach(j -> vcf.append(j.replace('\n', ' ').replace('\r', ' ')).append('\n'));
        Counting sink = new Counting();
        try {
            new VcfIntake().read(new ByteArrayInputStream(vcf.toString().getBytes(StandardCharsets.UTF_8)),
                    GenomeBuild.GRCh38, null, sink);
        } catch (MalformedInputException e) {
            assertThat(e.errors()).isNotEmpty(); // a whole-file problem, reported as such
        }
        sink.rejected.forEach(e -> assertThat(e.reason()).isNotBlank());
    }

    static final class Counting implements IntakeSink {
        long accepted;
        final List<FieldError> rejected = new ArrayList<>();

        @Override
        public void accept(long line, NormalizedFinding f) {
            accepted++;
        }

        @Override
        public void reject(FieldError e) {
            rejected.add(e);
        }
    }
}
