package org.thyronco.genomics.messaging;

/** Topics this service writes; the event contracts are documented in docs/events.md. */
public final class Topics {
    /** ProfileSubmitted / ProfileAmended, keyed by case id. */
    public static final String PROFILES = "genomics.profiles.v1";

    private Topics() {}
}
