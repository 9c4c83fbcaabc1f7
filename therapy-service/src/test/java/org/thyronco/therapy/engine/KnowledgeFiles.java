package org.thyronco.therapy.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the real curated knowledge (evidence-service's files) into an index, for golden tests. */
public final class KnowledgeFiles {

    static final File ROOT = new File("../evidence-service/src/main/resources/knowledge");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private KnowledgeFiles() {}

    public static KnowledgeIndex load() {
        try {
            JsonNode release = YAML.readTree(new File(ROOT, "release.yaml"));
            List<Knowledge.Item> items = new ArrayList<>();
            for (JsonNode f : release.path("evidence")) {
                items.addAll(YAML.readValue(new File(ROOT, "evidence/" + f.asText()),
                        new TypeReference<List<Knowledge.Item>>() {}));
            }
            return KnowledgeIndex.of(release.path("version").asText(),
                    YAML.readValue(new File(ROOT, "sources.yaml"), new TypeReference<List<Knowledge.Source>>() {}),
                    YAML.readValue(new File(ROOT, "therapies.yaml"), new TypeReference<List<Knowledge.Therapy>>() {}),
                    items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
