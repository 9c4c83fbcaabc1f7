package org.thyronco.evidence.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.thyronco.evidence.config.EvidenceConfig;
import org.thyronco.evidence.knowledge.KnowledgeReader;

/** Publishes the knowledge files bundled with this build as a release, when their content is new. */
@ApplicationScoped
public class KnowledgeBootstrap {

    private static final Logger LOG = Logger.getLogger(KnowledgeBootstrap.class);

    @Inject
    KnowledgeService knowledge;

    @Inject
    EvidenceConfig config;

    void onStart(@Observes StartupEvent event) {
        if (!config.knowledge().publishBundledOnStart()) {
            return;
        }
        try {
            var bundle = KnowledgeReader.classpath(config.knowledge().classpathRoot()).read();
            var release = VertxContextSupport.subscribeAndAwait(() -> knowledge.publish(bundle));
            LOG.infof("serving knowledge release %s", release.version());
        } catch (Throwable e) {
            // A curation mistake in the bundled files must not take the service down: it keeps serving the
            // releases it already has, and the log says what to fix.
            LOG.errorf("bundled knowledge was not published: %s", e.getMessage());
        }
    }
}
