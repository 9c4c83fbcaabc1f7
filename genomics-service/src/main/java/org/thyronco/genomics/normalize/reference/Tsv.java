package org.thyronco.genomics.normalize.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small tab-separated data tables under {@code /normalize/} on the classpath. */
final class Tsv {

    private Tsv() {}

    /** Data rows ('#' comments and blank lines skipped), each padded to {@code columns} fields. */
    static List<String[]> read(String resource, int columns) {
        InputStream in = Tsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String[] out = new String[columns];
                for (int i = 0; i < columns; i++) {
                    out[i] = i < f.length ? f[i].trim() : "";
                }
                rows.add(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Comma-separated list, empty for "" or ".". */
    static List<String> list(String field) {
        List<String> out = new ArrayList<>();
        if (field == null || field.isEmpty() || field.equals(".")) {
            return out;
        }
        for (String s : field.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
