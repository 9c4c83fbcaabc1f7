package org.thyronco.evidence.messaging;

/** Topics this service writes; the event contracts are documented in docs/events.md. */
public final class Topics {
    /** KnowledgeReleased events: release version and its diff. */
    public static final String RELEASES = "knowledge.releases.v1";

    /**
     * Compacted, single-partition topic with the current content: keys {@code source:<id>},
     * {@code therapy:<id>}, {@code item:<id>} (tombstone when retired) and {@code release:current}, written
     * after a release's content so a consumer that reads in order sees a complete release at the marker.
     */
    public static final String ITEMS = "knowledge.items.v1";

    private Topics() {}
}
