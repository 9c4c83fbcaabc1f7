package org.thyronco.therapy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thyronco.therapy.engine.Cases.ctx;
import static org.thyronco.therapy.engine.Cases.fusion;
import static org.thyronco.therapy.engine.Cases.msiHigh;
import static org.thyronco.therapy.engine.Cases.of;
import static org.thyronco.therapy.engine.Cases.pdl1;
import static org.thyronco.therapy.engine.Cases.progressedOn;
import static org.thyronco.therapy.engine.Cases.promoter;
import static org.thyronco.therapy.engine.Cases.tmb;
import static org.thyronco.therapy.engine.Cases.variant;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The clinical vignettes of DOMAIN.md §10 against the real curated knowledge: each asserts the top
 * recommendation and its level, and what must not be recommended.
 */
class VignetteTest {

    static KnowledgeIndex kb;
    final TherapyMatcher matcher = new TherapyMatcher();

    @BeforeAll
    static void load() {
        kb = KnowledgeFiles.load();
    }

    Result.RecommendationSet run(Profile.Context c, List<Profile.Finding> f) {
        Result.RecommendationSet set = matcher.match(c, f, kb);
        assertThat(set.knowledgeRelease()).isEqualTo(kb.release());
        return set;
    }

    static Result.Recommendation top(Result.RecommendationSet s) {
        assertThat(s.recommendations()).isNotEmpty();
        return s.recommendations().get(0);
    }

    static Set<String> topTherapies(Result.RecommendationSet s) {
        String level = top(s).level();
        return s.recommendations().stream().filter(r -> java.util.Objects.equals(r.level(), level))
                .map(Result.Recommendation::therapyId).collect(Collectors.toSet());
    }

    static Result.Recommendation rec(Result.RecommendationSet s, String therapy) {
        return s.recommendations().stream().filter(r -> r.therapyId().equals(therapy)).findFirst().orElse(null);
    }

    static Set<String> therapies(Result.RecommendationSet s) {
        return s.recommendations().stream().map(Result.Recommendation::therapyId).collect(Collectors.toSet());
    }

    static Set<String> suppressed(Result.RecommendationSet s) {
        return s.suppressed().stream().map(Result.Suppressed::therapyId).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("V01 ATC BRAF V600E, systemic-naive: D+T level 1 first, 3B options below, no MKI on top")
    void v01() {
        var s = run(ctx("THAP", null), of(variant("F1", "BRAF", "p.V600E")));
        assertThat(top(s).therapyId()).isEqualTo("dabrafenib+trametinib");
        assertThat(top(s).level()).isEqualTo("1");
        assertThat(top(s).matches()).anySatisfy(m -> {
            assertThat(m.itemId()).isEqualTo("EV-BRAF-V600E-THAP-DT");
            assertThat(m.granularity()).isEqualTo("exact-variant");
            assertThat(m.diseasePath()).containsExactly("THAP");
        });
        assertThat(top(s).citations()).extracting(Result.Citation::doi)
                .contains("10.1200/JCO.2017.73.6785", "10.1016/j.annonc.2021.12.014");
        assertThat(rec(s, "vemurafenib+cobimetinib+atezolizumab").level()).isEqualTo("3B");
        assertThat(rec(s, "vemurafenib+cobimetinib+atezolizumab").rank()).isGreaterThan(top(s).rank());
        assertThat(therapies(s)).doesNotContain("lenvatinib", "sorafenib", "cabozantinib");
    }

    @Test
    @DisplayName("V02 ATC IVB, c.1799T>A normalized to V600E: D+T with the locoregional label condition flagged, neoadjuvant option, airway care")
    void v02() {
        var s = run(ctx("THAP", null), of(variant("F1", "BRAF", "p.V600E")));
        assertThat(top(s).therapyId()).isEqualTo("dabrafenib+trametinib");
        assertThat(top(s).flags()).contains("label condition to confirm: no-satisfactory-locoregional-options",
                "neoadjuvant option");
        assertThat(s.supportiveCare()).extracting(Result.Note::itemId).contains("EV-SUPP-THAP-AIRWAY");
        var established = run(ctx("THAP", null, true, null), of(variant("F1", "BRAF", "p.V600E")));
        assertThat(top(established).flags()).doesNotContain(
                "label condition to confirm: no-satisfactory-locoregional-options");
    }

    @Test
    @DisplayName("V03 a GRCh37 coordinate submitted as GRCh38 is not annotated, so nothing BRAF-specific matches")
    void v03() {
        var unannotated = new Profile.Finding("F1", "VARIANT", null, null, null, "MISSENSE", null, null, null, null,
                null, null, null, null);
        var s = run(ctx("THAP", null), of(unannotated));
        assertThat(therapies(s)).doesNotContain("dabrafenib+trametinib", "vemurafenib");
    }

    @Test
    @DisplayName("V04 ATC BRAF V600K: D+T only as investigational 3B, never level 1")
    void v04() {
        var s = run(ctx("THAP", null), of(variant("F1", "BRAF", "p.V600K")));
        Result.Recommendation dt = rec(s, "dabrafenib+trametinib");
        assertThat(dt).isNotNull();
        assertThat(dt.level()).isEqualTo("3B");
        assertThat(dt.investigational()).isTrue();
        assertThat(s.recommendations()).noneMatch(r -> "1".equals(r.level()));
    }

    @Test
    @DisplayName("V05 BRAF V600E + PIK3CA H1047R: D+T on top, trametinib + alpelisib level 4 below it")
    void v05() {
        var s = run(ctx("THAP", null), of(variant("F1", "BRAF", "p.V600E"), variant("F2", "PIK3CA", "p.H1047R")));
        assertThat(top(s).therapyId()).isEqualTo("dabrafenib+trametinib");
        Result.Recommendation combo = rec(s, "trametinib+alpelisib");
        assertThat(combo.level()).isEqualTo("4");
        assertThat(combo.rank()).isGreaterThan(top(s).rank());
        assertThat(combo.matches()).extracting(Result.Match::findingRef).contains("F1", "F2");
        var pik3caAlone = run(ctx("THAP", null), of(variant("F2", "PIK3CA", "p.H1047R")));
        assertThat(therapies(pik3caAlone)).doesNotContain("trametinib+alpelisib");
    }

    @Test
    @DisplayName("V06 progressed on D+T: D+T not re-proposed, same-pathway regimens suppressed, no level 1 left")
    void v06() {
        var s = run(ctx("THAP", null, progressedOn("dabrafenib+trametinib")), of(variant("F1", "BRAF", "p.V600E")));
        assertThat(therapies(s)).doesNotContain("dabrafenib+trametinib", "vemurafenib+cobimetinib+atezolizumab",
                "encorafenib+binimetinib", "vemurafenib");
        // vem+cobi+atezo is first-line only (the trial enrolled untreated patients), so it does not even apply.
        assertThat(suppressed(s)).contains("dabrafenib+trametinib", "encorafenib+binimetinib");
        assertThat(s.suppressed()).anyMatch(x -> x.reason().contains("§0.11"));
        assertThat(s.recommendations()).noneMatch(r -> "1".equals(r.level()));
        assertThat(therapies(s)).contains("pembrolizumab");
        // Cytotoxic chemotherapy remains an option after D+T (V06; DOMAIN §2.4 "ICI add-on, chemo").
        assertThat(therapies(s)).contains("paclitaxel");
        var afterChemo = run(ctx("THAP", null, progressedOn("paclitaxel")), of(variant("F1", "BRAF", "p.V600E")));
        assertThat(therapies(afterChemo)).doesNotContain("paclitaxel", "docetaxel", "docetaxel+cisplatin");
    }

    @Test
    @DisplayName("RAI-R RET-fusion PTC after selpercatinib: a multikinase inhibitor is the next line (DOMAIN §2.4); "
            + "after lenvatinib, not sorafenib but cabozantinib")
    void multikinaseInhibitorAfterSelectiveTherapy() {
        var s = run(ctx("THPA", true, progressedOn("selpercatinib")), of(fusion("F1", "CCDC6", "RET")));
        assertThat(therapies(s)).contains("lenvatinib", "sorafenib").doesNotContain("cabozantinib");
        var afterLenvatinib = run(ctx("THPA", true, progressedOn("lenvatinib")), of());
        assertThat(therapies(afterLenvatinib)).contains("cabozantinib").doesNotContain("sorafenib", "lenvatinib");
    }

    @Test
    @DisplayName("V07 ATC BRAF-wt with TP53 and TERT, PD-L1 0%: taxane-based chemotherapy standard on top; TERT/TP53 prognostic only")
    void v07() {
        var s = run(ctx("THAP", null), of(variant("F1", "TP53", "p.R248Q"), promoter("F2", "NM_198253.3:c.-124C>T"),
                pdl1("F3", "TPS", 0)));
        assertThat(top(s).level()).isEqualTo("standard");
        assertThat(topTherapies(s)).containsAnyOf("docetaxel+cisplatin", "paclitaxel", "docetaxel",
                "chemoradiotherapy");
        assertThat(s.prognostic()).extracting(Result.Note::gene).contains("TERT", "TP53");
        assertThat(s.recommendations()).noneMatch(r -> r.matches().stream()
                .anyMatch(m -> "F1".equals(m.findingRef()) || "F2".equals(m.findingRef())));
        assertThat(therapies(s)).doesNotContain("spartalizumab");
    }

    @Test
    @DisplayName("V08 ATC PD-L1 TPS 70%: spartalizumab as investigational, never FDA-approved; pembro+CRT and durva/treme+SBRT suppressed")
    void v08() {
        var s = run(ctx("THAP", null), of(variant("F1", "TP53", "p.R273H"), pdl1("F2", "TPS", 70)));
        Result.Recommendation sparta = rec(s, "spartalizumab");
        assertThat(sparta).isNotNull();
        assertThat(sparta.investigational()).isTrue();
        assertThat(sparta.level()).isNull();
        assertThat(sparta.regulatory()).noneMatch(r -> "FDA".equals(r.agency()));
        assertThat(therapies(s)).doesNotContain("pembrolizumab+chemoradiotherapy", "durvalumab+tremelimumab+sbrt");
        assertThat(suppressed(s)).contains("pembrolizumab+chemoradiotherapy", "durvalumab+tremelimumab+sbrt");
        assertThat(top(s).level()).isEqualTo("standard");
        // Nivolumab + ipilimumab as an investigational option with its ATC figure, alongside chemotherapy.
        Result.Recommendation nivoIpi = rec(s, "nivolumab+ipilimumab");
        assertThat(nivoIpi).isNotNull();
        assertThat(nivoIpi.investigational()).isTrue();
        assertThat(nivoIpi.outcomes()).anyMatch(o -> "ORR".equals(o.measure()) && o.value().startsWith("30%"));
        assertThat(therapies(s)).contains("paclitaxel");
    }

    @Test
    @DisplayName("V09 ATC NCOA4::RET: selpercatinib / pralsetinib level 1 through the THYROID-coded label")
    void v09() {
        var s = run(ctx("THAP", null), of(fusion("F1", "NCOA4", "RET")));
        assertThat(topTherapies(s)).contains("selpercatinib", "pralsetinib");
        assertThat(top(s).level()).isEqualTo("1");
        assertThat(top(s).matches().get(0).diseasePath()).containsExactly("THAP", "THYROID");
        assertThat(top(s).matches().get(0).granularity()).isEqualTo("any-partner");
        assertThat(top(s).flags()).doesNotContain("label condition to confirm: rai-refractory-if-appropriate");
    }

    @Test
    @DisplayName("V10 ATC TPM3::NTRK1: TRK inhibitors level 1 via the tumour-agnostic path")
    void v10() {
        var s = run(ctx("THAP", null), of(fusion("F1", "TPM3", "NTRK1")));
        assertThat(topTherapies(s)).contains("larotrectinib", "entrectinib", "repotrectinib");
        assertThat(top(s).level()).isEqualTo("1");
        assertThat(top(s).matches().get(0).diseasePath()).containsExactly("THAP", "THYROID", "SOLID");
        // The ATC-specific caveat travels with the larotrectinib option: ORR 29% in ATC (n=7).
        assertThat(rec(s, "larotrectinib").outcomes()).anyMatch(o -> "ATC".equals(o.subgroup())
                && "29%".equals(o.value()) && Integer.valueOf(7).equals(o.n()));
    }

    @Test
    @DisplayName("V11 ATC MSI-H after chemoradiotherapy: pembrolizumab or dostarlimab level 1, progression established")
    void v11() {
        var s = run(ctx("THAP", null, progressedOn("chemoradiotherapy")), of(msiHigh("F1")));
        assertThat(topTherapies(s)).contains("pembrolizumab", "dostarlimab");
        assertThat(top(s).level()).isEqualTo("1");
        assertThat(rec(s, "pembrolizumab").flags()).doesNotContain(
                "label condition to confirm: progressed-after-prior-treatment")
                .contains("label condition to confirm: no-satisfactory-alternative");
    }

    @Test
    @DisplayName("V12 RAI-R PTC with TERT C228T: lenvatinib / sorafenib standard; TERT prognostic only")
    void v12() {
        var s = run(ctx("THPA", true), of(promoter("F1", "NM_198253.3:c.-124C>T")));
        assertThat(topTherapies(s)).contains("lenvatinib", "sorafenib");
        assertThat(top(s).level()).isEqualTo("standard");
        assertThat(s.prognostic()).extracting(Result.Note::gene).contains("TERT");
        assertThat(s.recommendations()).noneMatch(r -> r.matches().stream().anyMatch(m -> "F1".equals(m.findingRef())));
    }

    @Test
    @DisplayName("V13 RAI-R PTC progressed on lenvatinib: cabozantinib; never cabozantinib as first line")
    void v13() {
        var s = run(ctx("THPA", true, progressedOn("lenvatinib")), of());
        assertThat(top(s).therapyId()).isEqualTo("cabozantinib");
        assertThat(therapies(s)).doesNotContain("lenvatinib", "sorafenib");
        var firstLine = run(ctx("THPA", true), of());
        assertThat(therapies(firstLine)).doesNotContain("cabozantinib").contains("lenvatinib", "sorafenib");
    }

    @Test
    @DisplayName("V14 RAI-R PTC ETV6::NTRK3: TRK inhibitors level 1 with the label condition surfaced; MKI stays an alternative")
    void v14() {
        var s = run(ctx("THPA", true), of(fusion("F1", "ETV6", "NTRK3")));
        assertThat(topTherapies(s)).contains("larotrectinib", "entrectinib", "repotrectinib");
        assertThat(rec(s, "larotrectinib").flags()).contains("label condition to confirm: no-satisfactory-alternative");
        assertThat(therapies(s)).contains("lenvatinib");
    }

    @Test
    @DisplayName("V15 RAI-R PTC RET/PTC1 (CCDC6::RET): selpercatinib / pralsetinib level 1")
    void v15() {
        var s = run(ctx("THPA", true), of(fusion("F1", "CCDC6", "RET")));
        assertThat(topTherapies(s)).contains("selpercatinib", "pralsetinib");
        assertThat(top(s).level()).isEqualTo("1");
        assertThat(top(s).matches().get(0).diseasePath()).containsExactly("THPA", "WDTC", "THYROID");
    }

    @Test
    @DisplayName("V16 RAI-R PTC BRAF V600E + TERT, progressed on lenvatinib: D+T (agnostic, alternative to confirm) and cabozantinib")
    void v16() {
        var s = run(ctx("THPA", true, progressedOn("lenvatinib")), of(variant("F1", "BRAF", "p.V600E"),
                promoter("F2", "NM_198253.3:c.-146C>T")));
        assertThat(top(s).therapyId()).isEqualTo("dabrafenib+trametinib");
        assertThat(top(s).level()).isEqualTo("1");
        assertThat(top(s).matches().get(0).diseasePath()).endsWith("SOLID");
        assertThat(top(s).flags()).contains("label condition to confirm: no-satisfactory-alternative")
                .doesNotContain("label condition to confirm: progressed-after-prior-treatment");
        assertThat(therapies(s)).contains("cabozantinib").doesNotContain("lenvatinib");
        assertThat(rec(s, "vemurafenib").rank()).isGreaterThan(top(s).rank());
        assertThat(s.prognostic()).extracting(Result.Note::gene).contains("TERT");
    }

    @Test
    @DisplayName("V17 RAI-R PTC BRAF K601E: no V600E therapy at all; MKI standard")
    void v17() {
        var s = run(ctx("THPA", true), of(variant("F1", "BRAF", "p.K601E")));
        assertThat(therapies(s)).doesNotContain("dabrafenib+trametinib", "vemurafenib", "dabrafenib");
        assertThat(topTherapies(s)).contains("lenvatinib", "sorafenib");
    }

    @Test
    @DisplayName("V18 RAI-R PTC KRAS G12C: MKI standard first; G12C inhibitors investigational 3B, not FDA-approved for thyroid")
    void v18() {
        var s = run(ctx("THPA", true), of(variant("F1", "KRAS", "p.G12C")));
        assertThat(topTherapies(s)).contains("lenvatinib", "sorafenib");
        assertThat(rec(s, "sotorasib").level()).isEqualTo("3B");
        assertThat(rec(s, "sotorasib").investigational()).isTrue();
        assertThat(rec(s, "glecirasib").level()).isEqualTo("4");
    }

    @Test
    @DisplayName("V19 RAI-R FTC NRAS Q61R: MKI standard; nothing at level 1/2")
    void v19() {
        var s = run(ctx("THFO", true), of(variant("F1", "NRAS", "p.Q61R")));
        assertThat(topTherapies(s)).contains("lenvatinib", "sorafenib");
        assertThat(s.recommendations()).noneMatch(r -> Set.of("1", "2").contains(r.level()));
        assertThat(therapies(s)).doesNotContain("nivolumab+ipilimumab");
    }

    @Test
    @DisplayName("V20 RAI-R PTC TMB 12 after lenvatinib and cabozantinib: pembrolizumab level 1; TMB 8 does not match")
    void v20() {
        var s = run(ctx("THPA", true, progressedOn("lenvatinib"), progressedOn("cabozantinib")), of(tmb("F1", 12)));
        assertThat(top(s).therapyId()).isEqualTo("pembrolizumab");
        assertThat(top(s).level()).isEqualTo("1");
        var low = run(ctx("THPA", true, progressedOn("lenvatinib"), progressedOn("cabozantinib")), of(tmb("F1", 8)));
        assertThat(therapies(low)).doesNotContain("pembrolizumab");
    }

    @Test
    @DisplayName("V21 RAI-R oncocytic (THHC) STRN::ALK: DTC standard reaches THHC; ALK inhibitors 3B below")
    void v21() {
        var s = run(ctx("THHC", true), of(fusion("F1", "STRN", "ALK")));
        assertThat(topTherapies(s)).contains("lenvatinib", "sorafenib");
        assertThat(rec(s, "crizotinib").level()).isEqualTo("3B");
        assertThat(rec(s, "crizotinib").rank()).isGreaterThan(top(s).rank());
    }

    @Test
    @DisplayName("V22 RAI-R PDTC BRAF V600E after lenvatinib: D+T via the tumour-agnostic label (never the ATC item) and cabozantinib; no lenvatinib")
    void v22() {
        var s = run(ctx("THPD", true, progressedOn("lenvatinib")), of(variant("F1", "BRAF", "p.V600E")));
        Result.Recommendation dt = rec(s, "dabrafenib+trametinib");
        assertThat(dt.level()).isEqualTo("1");
        assertThat(dt.matches()).allSatisfy(m -> assertThat(m.itemId()).isNotEqualTo("EV-BRAF-V600E-THAP-DT"));
        assertThat(dt.matches().get(0).diseasePath()).containsExactly("THPD", "THYROID", "SOLID");
        assertThat(dt.flags()).contains("label condition to confirm: no-satisfactory-alternative");
        assertThat(therapies(s)).contains("cabozantinib").doesNotContain("lenvatinib");
        assertThat(rec(s, "lenvatinib+pembrolizumab").flags())
                .contains("contains a drug the disease progressed on: lenvatinib");
    }

    @Test
    @DisplayName("V23 sporadic MTC RET M918T: selpercatinib level 1; pralsetinib not offered as US-labelled; no RET-fusion label used")
    void v23() {
        var s = run(ctx("THME", null), of(variant("F1", "RET", "p.M918T")));
        assertThat(top(s).therapyId()).isEqualTo("selpercatinib");
        assertThat(top(s).level()).isEqualTo("1");
        assertThat(top(s).matches()).noneMatch(m -> m.itemId().contains("FUSION"));
        assertThat(therapies(s)).doesNotContain("pralsetinib").contains("vandetanib", "cabozantinib");
        assertThat(suppressed(s)).contains("pralsetinib");
    }

    @Test
    @DisplayName("V24 MTC M918T + G810S after selpercatinib: no selective RET inhibitor re-recommended as level 1")
    void v24() {
        var s = run(ctx("THME", null, progressedOn("selpercatinib")), of(variant("F1", "RET", "p.M918T"),
                variant("F2", "RET", "p.G810S")));
        assertThat(therapies(s)).doesNotContain("selpercatinib");
        assertThat(s.recommendations()).noneMatch(r -> "1".equals(r.level()));
        assertThat(topTherapies(s)).contains("vandetanib", "cabozantinib");
    }

    @Test
    @DisplayName("V24 for RET fusions: after progression on selpercatinib, pralsetinib is suppressed, not a level 1 option")
    void v24RetFusionAfterSelpercatinib() {
        var s = run(ctx("THPA", true, progressedOn("selpercatinib")), of(fusion("F1", "CCDC6", "RET")));
        assertThat(therapies(s)).doesNotContain("selpercatinib", "pralsetinib");
        assertThat(s.suppressed()).anySatisfy(x -> {
            assertThat(x.therapyId()).isEqualTo("pralsetinib");
            assertThat(x.reason()).contains("selective RET inhibitor");
        });
        // Without the progression, the same fusion gets both selective RET inhibitors at level 1.
        var naive = run(ctx("THPA", true), of(fusion("F1", "CCDC6", "RET")));
        assertThat(rec(naive, "pralsetinib").level()).isEqualTo("1");
        assertThat(rec(naive, "selpercatinib").level()).isEqualTo("1");
    }

    @Test
    @DisplayName("NTRK after larotrectinib: entrectinib's 'no known acquired resistance mutation' is to confirm; "
            + "repotrectinib's label has no such condition")
    void ntrkAfterATrkInhibitor() {
        String condition = "label condition to confirm: no-known-acquired-resistance-mutation";
        var s = run(ctx("THPA", true, progressedOn("larotrectinib")), of(fusion("F1", "ETV6", "NTRK3")));
        assertThat(therapies(s)).doesNotContain("larotrectinib");
        assertThat(rec(s, "entrectinib").flags()).contains(condition);
        assertThat(rec(s, "repotrectinib").flags()).doesNotContain(condition);
        var afterChemo = run(ctx("THPA", true, progressedOn("lenvatinib")), of(fusion("F1", "ETV6", "NTRK3")));
        assertThat(rec(afterChemo, "entrectinib").flags()).doesNotContain(condition);
    }

    @Test
    @DisplayName("MSI-H: dostarlimab's dMMR label is a condition to confirm; pembrolizumab's MSI-H label is not")
    void dostarlimabNeedsDmmr() {
        var s = run(ctx("THAP", null, progressedOn("chemoradiotherapy")), of(msiHigh("F1")));
        assertThat(rec(s, "dostarlimab").flags()).contains("label condition to confirm: dmmr-confirmed-by-ihc");
        assertThat(rec(s, "pembrolizumab").flags()).noneMatch(f -> f.contains("dmmr"));
    }

    @Test
    @DisplayName("NRAS in ATC: nivolumab + ipilimumab carries the NRAS caution, worded as a caution, not an R level")
    void nrasCautionIsNotAResistanceLevel() {
        var s = run(ctx("THAP", null), of(variant("F1", "NRAS", "p.Q61R")));
        Result.Recommendation nivoIpi = rec(s, "nivolumab+ipilimumab");
        assertThat(nivoIpi).isNotNull();
        assertThat(nivoIpi.flags()).contains("caution, no evidence level: EV-NRAS-THYROID-NIVO-IPI")
                .noneMatch(f -> f.startsWith("resistance evidence"));
    }

    @Test
    @DisplayName("NCCN dabrafenib listing: only for RAI-refractory PTC, never for PTC of unknown RAI status")
    void nccnDabrafenibOnlyWhenRaiRefractory() {
        var unknown = run(ctx("THPA", null), of(variant("F1", "BRAF", "p.V600E")));
        assertThat(therapies(unknown)).doesNotContain("dabrafenib");
        var refractory = run(ctx("THPA", true), of(variant("F1", "BRAF", "p.V600E")));
        assertThat(therapies(refractory)).contains("dabrafenib");
    }

    @Test
    @DisplayName("V25 RAI-R PTC BRAF V600= and V600M: only standard options")
    void v25() {
        var s = run(ctx("THPA", true), of(variant("F1", "BRAF", "p.V600="), variant("F2", "BRAF", "p.V600M")));
        assertThat(s.recommendations()).allSatisfy(r -> assertThat(r.level()).isEqualTo("standard"));
        assertThat(therapies(s)).contains("lenvatinib", "sorafenib");
    }

    @Test
    @DisplayName("Control: benign OAT / HTAT with BRAF V600E get no therapy")
    void benign() {
        for (String dx : List.of("OAT", "HTAT")) {
            var s = run(ctx(dx, null), of(variant("F1", "BRAF", "p.V600E")));
            assertThat(s.recommendations()).isEmpty();
            assertThat(s.warnings()).anyMatch(w -> w.contains("benign"));
        }
    }

    @Test
    @DisplayName("Control: V600D is not V600E")
    void v600d() {
        var s = run(ctx("THAP", null), of(variant("F1", "BRAF", "p.V600D")));
        assertThat(therapies(s)).doesNotContain("dabrafenib+trametinib", "vemurafenib");
    }

    @Test
    @DisplayName("Every recommendation explains itself: a match, a citation, a level or status, and the cautions that matter")
    void explanations() {
        var s = run(ctx("THPA", true), of(fusion("F1", "CCDC6", "RET")));
        assertThat(s.recommendations()).allSatisfy(r -> {
            assertThat(r.matches()).isNotEmpty();
            assertThat(r.citations()).isNotEmpty();
            assertThat(r.status()).isNotNull();
        });
        assertThat(String.join(" ", rec(s, "lenvatinib").cautions()).toLowerCase()).contains("hypertension");
        var io = run(ctx("THAP", null), of(msiHigh("F1")));
        Result.Recommendation nivo = rec(io, "nivolumab+ipilimumab");
        assertThat(String.join(" ", nivo.cautions()).toLowerCase()).contains("immune");
    }
}
