package org.thyronco.genomics.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The colon form VCF intake produces is read by a regex-free path; it must agree with the general parser. */
class GenomicTextTest {

    @Test
    void theColonFormAndTheOtherSpellingsOfOneAlleleParseAlike() throws Exception {
        GenomicText.Parsed colon = GenomicText.parse("chr7:140753336:a:t");
        assertThat(colon).isEqualTo(new GenomicText.Parsed(null, "chr7", 140753336L, "A", "T"));
        assertThat(GenomicText.parse("chr7-140753336-A-T")).isEqualTo(colon);
        assertThat(GenomicText.parse("chr7 140753336 A T")).isEqualTo(colon);
        assertThat(GenomicText.parse("chr7:140753336 A>T")).isEqualTo(colon);
    }

    @Test
    void aBuildWordIsStillReadWhenTheRestIsTheColonForm() throws Exception {
        assertThat(GenomicText.parse("GRCh37 7:140453136:A:T").impliedBuild()).isEqualTo(GenomeBuild.GRCh37);
    }

    @Test
    void whatTheColonPathCannotReadFallsThroughToTheGeneralParserAndItsErrors() {
        assertThatThrownBy(() -> GenomicText.parse("7:55242464:AGGAATTAAGA:-"))
                .hasMessageContaining("'-' is not a VCF allele");
        assertThatThrownBy(() -> GenomicText.parse("7:1e5:A:T")).hasMessageContaining("is not a number");
    }

    @Test
    void basesAreAcgtnAndLowerCaseOnlyWhenAsked() {
        assertThat(GenomicText.isBases("ACGTN", false)).isTrue();
        assertThat(GenomicText.isBases("acgtn", false)).isFalse();
        assertThat(GenomicText.isBases("acgtn", true)).isTrue();
        assertThat(GenomicText.isBases("", true)).isFalse();
        assertThat(GenomicText.isBases("AZ", true)).isFalse();
        assertThat(GenomicText.isBases("<DEL>", true)).isFalse();
    }
}
