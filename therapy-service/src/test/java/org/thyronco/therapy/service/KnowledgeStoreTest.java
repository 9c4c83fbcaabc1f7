package org.thyronco.therapy.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A replica only ever moves its matching index forward to a newer knowledge release. */
class KnowledgeStoreTest {

    @Test
    void releaseVersionsCompareNumericallyNotAsText() {
        assertThat(KnowledgeStore.newer("2026.11.0", "2026.9.3")).isTrue();
        assertThat(KnowledgeStore.newer("2026.11.10", "2026.11.9")).isTrue();
        assertThat(KnowledgeStore.newer("2027.1.0", "2026.12.99")).isTrue();
    }

    @Test
    void anOlderOrTheSameReleaseIsNotNewer() {
        assertThat(KnowledgeStore.newer("2026.11.0", "2026.11.0")).isFalse();
        assertThat(KnowledgeStore.newer("2026.9.3", "2026.11.0")).isFalse();
        assertThat(KnowledgeStore.newer("2026.11.0", "2026.11.1")).isFalse();
    }
}
