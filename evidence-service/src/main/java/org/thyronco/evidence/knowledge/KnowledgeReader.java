package org.thyronco.evidence.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the curated YAML files into a {@link Knowledge.Bundle}; where the files live is the caller's business. */
public final class KnowledgeReader {

    // Strict: a misspelt field in a curated file must fail loudly, not vanish.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Function<String, InputStream> open;

    /** @param open opens a file by its path relative to the knowledge root, or returns null if absent */
    public KnowledgeReader(Function<String, InputStream> open) {
        this.open = open;
    }

    public static KnowledgeReader classpath(String root) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return new KnowledgeReader(path -> cl.getResourceAsStream(root + "/" + path));
    }

    public Knowledge.Bundle read() {
        Knowledge.Manifest manifest = parse("release.yaml", new TypeReference<>() {});
        List<Knowledge.Source> sources = parse("sources.yaml", new TypeReference<>() {});
        List<Knowledge.Therapy> therapies = parse("therapies.yaml", new TypeReference<>() {});
        List<Knowledge.EvidenceItem> items = new ArrayList<>();
        for (String file : manifest.evidence()) {
            List<Knowledge.EvidenceItem> part = parse("evidence/" + file, new TypeReference<>() {});
            if (part != null) {
                items.addAll(part);
            }
        }
        return new Knowledge.Bundle(manifest, sources, therapies, items);
    }

    private <T> T parse(String path, TypeReference<T> type) {
        try (InputStream in = open.apply(path)) {
            if (in == null) {
                throw new IllegalStateException("knowledge file missing: " + path);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge file " + path + " does not parse: " + e.getMessage(), e);
        }
    }
}
