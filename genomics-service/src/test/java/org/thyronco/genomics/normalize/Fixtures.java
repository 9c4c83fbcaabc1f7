package org.thyronco.genomics.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Test fixtures on the test classpath under {@code /normalize/} (never reads ../shared). */
public final class Fixtures {

    private Fixtures() {}

    /** Opens a fixture; fails the test when it is missing. */
    public static InputStream open(String path) {
        InputStream in = Fixtures.class.getResourceAsStream("/normalize/" + path);
        if (in == null) {
            throw new IllegalStateException("missing test fixture /normalize/" + path);
        }
        return in;
    }

    /** All lines of a text fixture. */
    public static List<String> lines(String path) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            return r.lines().collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whole text of a fixture. */
    public static String text(String path) {
        return String.join("\n", lines(path));
    }
}
