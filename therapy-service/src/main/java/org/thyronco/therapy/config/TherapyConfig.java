package org.thyronco.therapy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** therapy-service settings. */
@ConfigMapping(prefix = "thyronco")
public interface TherapyConfig {

    Outbox outbox();

    Match match();

    Knowledge knowledge();

    /** The transactional outbox relay. */
    interface Outbox {
        /** Pause between relay passes (read by the relay's schedule). */
        @WithDefault("0.5s")
        String every();

        /** Most events sent per relay pass. */
        @WithDefault("200")
        int batchSize();
    }

    /** This service's copy of the knowledge. */
    interface Knowledge {
        /**
         * How often an instance checks the database for a release that another instance (the one that owns
         * the knowledge topic's partition) stored, and switches its in-memory index to it.
         */
        @WithDefault("5s")
        String refreshEvery();
    }

    /** The synchronous match endpoints. */
    interface Match {
        /** Most profiles in one batch request. */
        @WithDefault("100")
        int maxBatch();
    }
}
