package org.thyronco.system;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.thyronco.infra.EmbeddedInfra;
import org.thyronco.infra.SuiteLauncher;

/**
 * Starts the packaged suite once for all system tests (as ./run.sh does, in a fresh data directory and on
 * a free gateway port) and stops it when the test run ends.
 */
public class SuiteExtension implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static SuiteLauncher suite;
    private static int gatewayPort;
    private static Path data;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (suite != null) {
            return;
        }
        Path root = Path.of(System.getProperty("thyronco.root", "..")).toAbsolutePath().normalize();
        data = Files.createTempDirectory("thyronco-suite-");
        gatewayPort = EmbeddedInfraPorts.free();
        suite = new SuiteLauncher();
        suite.run(new SuiteLauncher.Args(root, data, true, gatewayPort));
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("thyronco-suite", this);
    }

    @Override
    public void close() throws java.io.IOException {
        suite.stop();
        // Keep the logs of a failed run for diagnosis; drop the database and broker files.
        for (String dir : new String[] {"postgres", "kafka"}) {
            Path p = data.resolve(dir);
            if (Files.exists(p)) {
                try (var walk = Files.walk(p)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    static SuiteLauncher suite() {
        return suite;
    }

    static String gateway() {
        return "http://localhost:" + gatewayPort;
    }

    static EmbeddedInfra infra() {
        return suite.infra();
    }

    /** Free-port helper (the launcher's own is package-private to the infra module). */
    static final class EmbeddedInfraPorts {
        static int free() throws java.io.IOException {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
