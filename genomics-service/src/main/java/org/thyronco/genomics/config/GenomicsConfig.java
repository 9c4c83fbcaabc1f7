package org.thyronco.genomics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** genomics-service settings. */
@ConfigMapping(prefix = "thyronco")
public interface GenomicsConfig {

    Intake intake();

    Outbox outbox();

    Reads reads();

    /** How much one answer may carry. */
    interface Reads {
        /**
         * Most findings a profile is answered with in one piece; a profile with more (a whole-exome VCF) is read a
         * page at a time. Four concurrent reads of a 100,000-finding profile (45 MB of JSON each) exhausted the heap.
         */
        @WithDefault("10000")
        int maxFindingsPerAnswer();
    }

    /** File and JSON intake limits. */
    interface Intake {
        /** Largest accepted upload in bytes; larger ones get 413. */
        @WithDefault("104857600")
        long maxUploadBytes();

        /** Uploads up to this size are processed in the request; larger ones become an asynchronous job (202). */
        @WithDefault("1048576")
        long syncUploadBytes();

        /** Most findings one profile may hold. */
        @WithDefault("200000")
        int maxFindings();

        /** Directory for spooled uploads; absent means the system temp directory. */
        java.util.Optional<String> spoolDir();
    }

    /** The transactional outbox relay. */
    interface Outbox {
        /** Pause between relay passes (read by the relay's schedule). */
        @WithDefault("0.5s")
        String every();

        /** Wait before the schedule's first pass (read by the relay's schedule); stored profiles send at once anyway. */
        @WithDefault("2s")
        String delayed();

        /** Most events sent per relay pass. */
        @WithDefault("200")
        int batchSize();
    }
}
