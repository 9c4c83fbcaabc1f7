package org.thyronco.therapy.messaging;

/** Topics this service reads and writes; the event contracts are documented in docs/events.md. */
public final class Topics {
    /** Read: ProfileSubmitted / ProfileAmended from genomics-service. */
    public static final String PROFILES = "genomics.profiles.v1";

    /** Read: the compacted knowledge content from evidence-service. */
    public static final String KNOWLEDGE_ITEMS = "knowledge.items.v1";

    /** Written: RecommendationsIssued / RecommendationsChanged, keyed by case id. */
    public static final String RECOMMENDATIONS = "therapy.recommendations.v1";

    private Topics() {}
}
