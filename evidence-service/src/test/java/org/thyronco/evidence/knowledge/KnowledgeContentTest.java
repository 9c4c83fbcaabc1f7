package org.thyronco.evidence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the curated knowledge itself, as bundled with the service (plain JUnit, no container). */
class KnowledgeContentTest {

    static Knowledge.Bundle bundle;
    static Map<String, Knowledge.Source> sources;

    @BeforeAll
    static void read() {
        bundle = KnowledgeReader.classpath("knowledge").read();
        sources = bundle.sources().stream().collect(Collectors.toMap(Knowledge.Source::id, Function.identity()));
    }

    @Test
    void theBundledReleaseValidates() throws IOException {
        Set<String> genes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("knowledge/hgnc-symbols.txt")) {
            genes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toSet());
        }
        assertThat(new KnowledgeValidator(genes).validate(bundle)).isEmpty();
    }

    @Test
    void everySeedReferenceIsASourceWithItsDoi() throws IOException {
        List<String[]> refs;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed-000-references.tsv")) {
            refs = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("ref\t"))
                    .map(l -> l.split("\t", -1)).toList();
        }
        assertThat(refs).hasSize(56);
        for (String[] ref : refs) {
            Knowledge.Source s = sources.get("S" + ref[0]);
            assertThat(s).as("seed reference %s", ref[0]).isNotNull();
            assertThat(s.doi() == null ? "" : s.doi()).as("DOI of S%s", ref[0]).isEqualTo(ref[1]);
        }
    }

    @Test
    void noItemLacksASource() {
        assertThat(bundle.items()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.sources()).as(i.id()).isNotEmpty()
                        .allSatisfy(id -> assertThat(sources).containsKey(id)));
    }

    @Test
    void anaplasticBrafV600eIsDabrafenibTrametinibAtLevelOneCitingRoar() {
        List<Knowledge.EvidenceItem> items = bundle.items().stream()
                .filter(i -> i.biomarker() != null && "BRAF".equals(i.biomarker().gene())
                        && "V600E".equals(ProteinChange.canonical(i.biomarker().alteration())))
                .filter(i -> i.diseases().contains("THAP") && "1".equals(i.level()))
                .toList();
        assertThat(items).extracting(Knowledge.EvidenceItem::therapy).contains("dabrafenib+trametinib");
        Set<String> dois = items.stream().filter(i -> "dabrafenib+trametinib".equals(i.therapy()))
                .flatMap(i -> i.sources().stream()).map(sources::get).map(Knowledge.Source::doi)
                .collect(Collectors.toSet());
        // ROAR: Subbiah JCO 2018 and the updated analysis in Ann Oncol 2022.
        assertThat(dois).contains("10.1200/JCO.2017.73.6785", "10.1016/j.annonc.2021.12.014");
    }

    @Test
    void nothingIsCodedToBenignThyroidEntities() {
        assertThat(bundle.items()).noneMatch(i -> i.diseases().stream().anyMatch(OncoTree.BENIGN::contains));
    }

    @Test
    void prognosticMarkersCarryNoTherapy() {
        assertThat(bundle.items().stream().filter(i -> i.biomarker() != null && i.biomarker().gene() != null
                && Set.of("TERT", "TP53").contains(i.biomarker().gene())))
                .isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(i.significance()).isEqualTo("prognostic");
                    assertThat(i.therapy()).isNull();
                });
    }
}
