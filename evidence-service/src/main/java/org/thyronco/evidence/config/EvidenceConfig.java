package org.thyronco.evidence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** evidence-service settings. */
@ConfigMapping(prefix = "thyronco")
public interface EvidenceConfig {

    Knowledge knowledge();

    Outbox outbox();

    /** Where the curated knowledge files are read from at start. */
    interface Knowledge {
        /** Classpath directory holding release.yaml, sources.yaml, therapies.yaml and evidence/. */
        @WithDefault("knowledge")
        String classpathRoot();

        /** Publish the bundled files as a release at start when their content is new. */
        @WithDefault("true")
        boolean publishBundledOnStart();
    }

    /** The transactional outbox relay. */
    interface Outbox {
        /** Pause between relay passes (read by the relay's schedule). */
        @WithDefault("0.5s")
        String every();

        /** Most events sent per relay pass. */
        @WithDefault("200")
        int batchSize();
    }
}
