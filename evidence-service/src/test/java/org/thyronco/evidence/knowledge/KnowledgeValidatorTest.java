package org.thyronco.evidence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnowledgeValidatorTest {

    private final KnowledgeValidator validator = new KnowledgeValidator(Set.of("BRAF", "RET"));
    private final Set<String> sources = Set.of("S12");
    private final Set<String> therapies = Set.of("dabrafenib+trametinib");

    static Knowledge.EvidenceItem item(String gene, List<String> diseases, String therapy, List<String> sources,
            String level) {
        return new Knowledge.EvidenceItem("EV-TEST", new Knowledge.Biomarker(gene, "variant", "V600E", null, null,
                null, null, null, null), diseases, List.of(), therapy, "sensitivity", "supports", null, level,
                "observed", null, "I-A", "approved", List.of(), List.of(), List.of(), List.of(), sources, "test", null);
    }

    @Test
    void aValidItemPasses() {
        assertThat(validator.validateItem(item("BRAF", List.of("THAP"), "dabrafenib+trametinib", List.of("S12"), "1"),
                sources, therapies)).isEmpty();
    }

    @Test
    void anItemWithoutASourceIsRefused() {
        assertThat(validator.validateItem(item("BRAF", List.of("THAP"), "dabrafenib+trametinib", List.of(), "1"),
                sources, therapies))
                .extracting(KnowledgeValidator.Violation::pointer).containsExactly("/items/EV-TEST/sources");
    }

    @Test
    void unknownOncoTreeGeneTherapyAndSourceAreNamed() {
        var violations = validator.validateItem(item("BRAFF", List.of("THXX"), "magic", List.of("S99"), "5"),
                sources, therapies);
        assertThat(violations).extracting(KnowledgeValidator.Violation::pointer).containsExactlyInAnyOrder(
                "/items/EV-TEST/sources", "/items/EV-TEST/diseases", "/items/EV-TEST/therapy",
                "/items/EV-TEST/level", "/items/EV-TEST/biomarker/gene");
        assertThat(violations).extracting(KnowledgeValidator.Violation::message)
                .anyMatch(m -> m.contains("THXX")).anyMatch(m -> m.contains("BRAFF")).anyMatch(m -> m.contains("magic"));
    }

    @Test
    void benignEntitiesCannotBeTargeted() {
        assertThat(validator.validateItem(item("BRAF", List.of("OAT"), "dabrafenib+trametinib", List.of("S12"), "1"),
                sources, therapies)).extracting(KnowledgeValidator.Violation::message)
                .anyMatch(m -> m.contains("benign"));
    }
}
