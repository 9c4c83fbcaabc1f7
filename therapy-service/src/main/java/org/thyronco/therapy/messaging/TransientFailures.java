package org.thyronco.therapy.messaging;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps a consumer on its record while the database is briefly away (a restart, a failover) instead of
 * dead-lettering a perfectly good event. Only a record that is wrong in itself — it does not parse, or
 * breaks the event contract ({@link IllegalArgumentException}) — goes to the dead-letter topic at once; a
 * failure that outlasts the retry window goes there too, with its reason, so the partition never stalls
 * for good.
 */
final class TransientFailures {

    private static final Logger LOG = Logger.getLogger(TransientFailures.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final Duration WINDOW = Duration.ofMinutes(2);

    private TransientFailures() {}

    /** Re-runs {@code work} (re-subscribing opens a fresh transaction) while it fails transiently. */
    static <T> Uni<T> retried(String what, Uni<T> work) {
        return work.onFailure(TransientFailures::transientFailure)
                .invoke(e -> LOG.warnf("%s failed, retrying: %s", what, e.getMessage()))
                .onFailure(TransientFailures::transientFailure)
                .retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).expireIn(WINDOW.toMillis());
    }

    /** Whether retrying may help: anything but a record that is malformed or breaks the contract. */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof com.fasterxml.jackson.core.JacksonException) {
                return false;
            }
        }
        return true;
    }
}
