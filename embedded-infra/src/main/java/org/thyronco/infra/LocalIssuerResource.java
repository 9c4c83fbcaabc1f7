package org.thyronco.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Quarkus test resource: a fresh local JWT issuer; inject it with {@link InjectIssuer} to mint tokens. */
public class LocalIssuerResource implements QuarkusTestResourceLifecycleManager {

    private LocalIssuer issuer;

    @Override
    public Map<String, String> start() {
        try {
            issuer = LocalIssuer.in(Files.createTempDirectory("thyronco-jwt-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("mp.jwt.verify.publickey.location", issuer.publicKey().toUri().toString(),
                "mp.jwt.verify.issuer", LocalIssuer.ISSUER);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(issuer,
                new TestInjector.AnnotatedAndMatchesType(InjectIssuer.class, LocalIssuer.class));
    }

    @Override
    public void stop() {
        // keys live in a temp directory; nothing to stop
    }
}
