package org.thyronco.therapy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyronco.therapy.engine.Cases.ctx;
import static org.thyronco.therapy.engine.Cases.fusion;
import static org.thyronco.therapy.engine.Cases.of;
import static org.thyronco.therapy.engine.Cases.variant;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each matching rule on small in-code knowledge, independent of the curated files. */
class RulesTest {

    final TherapyMatcher matcher = new TherapyMatcher();

    static Knowledge.Item item(String id, Knowledge.Biomarker b, List<String> diseases, String therapy,
            String significance, String level, List<String> labels) {
        return new Knowledge.Item(id, b, diseases, List.of(), therapy, significance, "supports",
                new Knowledge.Setting("any", List.of(), List.of(), false, false, null), level, "suggested", null, null,
                "approved", List.of(), labels, List.of(), List.of(), List.of("S1"), "summary " + id, null);
    }

    static Knowledge.Biomarker bm(String gene, String kind, String alteration, Integer codon, String partner) {
        return new Knowledge.Biomarker(gene, kind, alteration, codon, null, partner, null, null, null);
    }

    static KnowledgeIndex index(Knowledge.Item... items) {
        return KnowledgeIndex.of("test", List.of(new Knowledge.Source("S1", "trial", "Doe J, Roe R", "t", "J", 2020,
                null, null, null, "10.1/x", null, null, null, "V")),
                List.of(new Knowledge.Therapy("x", "X", List.of("x"), List.of("kinase-inhibitor"), "targeted",
                        List.of("RET"), List.of()),
                        new Knowledge.Therapy("y", "Y", List.of("y"), List.of("kinase-inhibitor"), "targeted",
                                List.of("RET"), List.of())),
                List.of(items));
    }

    @Test
    void aCodonItemMatchesAnyMissenseAtTheCodonButNotSynonymousOrNonsense() {
        var kb = index(item("C", bm("RET", "codon", null, 810, null), List.of("THYROID"), "x", "sensitivity", "3B",
                List.of()));
        assertThat(matcher.match(ctx("THME", null), of(variant("F1", "RET", "p.G810S")), kb).recommendations())
                .singleElement().satisfies(r -> assertThat(r.matches().get(0).granularity()).isEqualTo("codon"));
        assertThat(matcher.match(ctx("THME", null), of(variant("F1", "RET", "p.G810=")), kb).recommendations()).isEmpty();
        assertThat(matcher.match(ctx("THME", null), of(variant("F1", "RET", "p.G811S")), kb).recommendations()).isEmpty();
    }

    @Test
    void aNamedFusionPartnerMatchesOnlyThatPartnerAndTheKinaseMustBeThreePrime() {
        var kb = index(item("F", bm("RET", "fusion", null, null, "CCDC6"), List.of("THYROID"), "x", "sensitivity",
                "1", List.of()));
        assertThat(matcher.match(ctx("THPA", true), of(fusion("F1", "CCDC6", "RET")), kb).recommendations())
                .singleElement().satisfies(r -> assertThat(r.matches().get(0).granularity()).isEqualTo("fusion-partner"));
        assertThat(matcher.match(ctx("THPA", true), of(fusion("F1", "NCOA4", "RET")), kb).recommendations()).isEmpty();
        assertThat(matcher.match(ctx("THPA", true), of(fusion("F1", "RET", "CCDC6")), kb).recommendations()).isEmpty();
    }

    @Test
    void r1ResistanceRemovesTheTherapyAndR2DemotesIt() {
        var sens = item("S", bm("RET", "variant", "M918T", null, null), List.of("THME"), "x", "sensitivity", "1",
                List.of());
        var other = item("O", bm("RET", "variant", "M918T", null, null), List.of("THME"), "y", "sensitivity", "3B",
                List.of());
        var r1 = item("R", bm("RET", "codon", null, 810, null), List.of("THYROID"), "x", "resistance", "R1", List.of());
        var findings = of(variant("F1", "RET", "p.M918T"), variant("F2", "RET", "p.G810R"));
        var removed = matcher.match(ctx("THME", null), findings, index(sens, other, r1));
        assertThat(removed.recommendations()).extracting(Result.Recommendation::therapyId).containsExactly("y");
        assertThat(removed.suppressed()).anyMatch(s -> s.therapyId().equals("x") && s.reason().startsWith("resistance"));
        var r2 = item("R", bm("RET", "codon", null, 810, null), List.of("THYROID"), "x", "resistance", "R2", List.of());
        var demoted = matcher.match(ctx("THME", null), findings, index(sens, other, r2));
        assertThat(demoted.recommendations()).extracting(Result.Recommendation::therapyId).containsExactly("y", "x");
        assertThat(demoted.recommendations().get(1).flags()).anyMatch(f -> f.startsWith("resistance evidence (R2)"));
    }

    @Test
    void moreSpecificDiseaseEvidenceRanksAboveAgnosticEvidenceAtTheSameLevel() {
        var specific = item("A", bm("RET", "variant", "M918T", null, null), List.of("THME"), "x", "sensitivity", "1",
                List.of());
        var agnostic = item("B", bm("RET", "variant", "M918T", null, null), List.of("SOLID"), "y", "sensitivity", "1",
                List.of());
        var s = matcher.match(ctx("THME", null), of(variant("F1", "RET", "p.M918T")), index(agnostic, specific));
        assertThat(s.recommendations()).extracting(Result.Recommendation::therapyId).containsExactly("x", "y");
        assertThat(s.recommendations().get(1).matches().get(0).diseasePath()).containsExactly("THME", "THYROID",
                "SOLID");
    }

    @Test
    void batchResultsKeepTheInputOrder() {
        var kb = index(item("A", bm("RET", "variant", "M918T", null, null), List.of("THME"), "x", "sensitivity", "1",
                List.of()));
        var out = matcher.matchAll(List.of(ctx("THME", null), ctx("OAT", null), ctx("THME", null)),
                List.of(of(variant("F1", "RET", "p.M918T")), of(variant("F1", "RET", "p.M918T")), of()), kb);
        assertThat(out).extracting(r -> r.recommendations().size()).containsExactly(1, 0, 0);
    }

    @Test
    void anUnknownDiagnosisMatchesNothingAndSaysSo() {
        var kb = index(item("A", bm("RET", "variant", "M918T", null, null), List.of("SOLID"), "x", "sensitivity", "1",
                List.of()));
        var s = matcher.match(ctx("LUAD", null), of(variant("F1", "RET", "p.M918T")), kb);
        assertThat(s.recommendations()).isEmpty();
        assertThat(s.warnings()).isNotEmpty();
    }
}
