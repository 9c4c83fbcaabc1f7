package org.thyronco.evidence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseDiffTest {

    @Test
    void namesAddedChangedAndRetiredItems() {
        ReleaseDiff diff = ReleaseDiff.between(Map.of("A", "1", "B", "2", "C", "3"), Map.of("A", "1", "B", "9", "D", "4"));
        assertThat(diff.added()).containsExactly("D");
        assertThat(diff.changed()).containsExactly("B");
        assertThat(diff.retired()).containsExactly("C");
    }

    @Test
    void theFirstReleaseAddsEverything() {
        assertThat(ReleaseDiff.between(Map.of(), Map.of("A", "1")).added()).containsExactly("A");
    }
}
