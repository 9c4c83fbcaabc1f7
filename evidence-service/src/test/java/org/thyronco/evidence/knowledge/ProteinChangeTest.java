package org.thyronco.evidence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProteinChangeTest {

    @ParameterizedTest
    @CsvSource({"V600E,V600E", "p.V600E,V600E", "p.Val600Glu,V600E", "p.(Val600Glu),V600E",
        "BRAF:p.V600E,V600E", "NP_004324.2:p.Val600Glu,V600E", "v600k,V600K", "p.Val600=,V600=", "p.Arg213Ter,R213*"})
    void spellingsReduceToOneLetter(String input, String expected) {
        assertThat(ProteinChange.canonical(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"p.V600Z", "V600", "BRAF", "p.Xyz600Glu", "c.1799T>A"})
    void nonProteinChangesAreNotGuessed(String input) {
        assertThat(ProteinChange.canonical(input)).isNull();
    }
}
