package org.thyronco.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders our kustomize tree in the JVM, for the features it uses (resources, labels, namespace,
 * JSON 6902 replace/add patches with kind/name/group targets), so the manifest checks run on a machine
 * with only a JDK. Where kubectl is installed, a test compares this rendering with {@code kubectl kustomize}.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    private Kustomize() {}

    static List<ObjectNode> render(Path dir) throws IOException {
        JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(render(p));
            } else {
                out.addAll(readAll(p));
            }
        }
        for (JsonNode label : k.path("labels")) {
            label.path("pairs").fields().forEachRemaining(e -> out.forEach(o -> ((ObjectNode) o.with("metadata")
                    .with("labels")).put(e.getKey(), e.getValue().asText())));
        }
        for (JsonNode patch : k.path("patches")) {
            JsonNode target = patch.path("target");
            ArrayNode ops = (ArrayNode) YAML.readTree(patch.path("patch").asText());
            for (ObjectNode o : out) {
                if (matches(o, target)) {
                    for (JsonNode op : ops) {
                        apply(o, op);
                    }
                }
            }
        }
        if (k.hasNonNull("namespace")) {
            for (ObjectNode o : out) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    o.with("metadata").put("namespace", k.get("namespace").asText());
                }
            }
        }
        return out;
    }

    static List<ObjectNode> readAll(Path file) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            for (JsonNode n : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (n != null && n.isObject()) {
                    docs.add((ObjectNode) n);
                }
            }
        }
        return docs;
    }

    private static boolean matches(JsonNode o, JsonNode target) {
        if (target.hasNonNull("kind") && !target.get("kind").asText().equals(o.path("kind").asText())) {
            return false;
        }
        if (target.hasNonNull("name") && !target.get("name").asText().equals(o.path("metadata").path("name").asText())) {
            return false;
        }
        return !target.hasNonNull("group") || o.path("apiVersion").asText().startsWith(target.get("group").asText() + "/");
    }

    private static void apply(ObjectNode o, JsonNode op) {
        String[] path = op.get("path").asText().substring(1).split("/");
        ObjectNode parent = o;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.with(path[i]);
        }
        String verb = op.get("op").asText();
        if (!"replace".equals(verb) && !"add".equals(verb)) {
            throw new IllegalArgumentException("unsupported patch op " + verb);
        }
        parent.set(path[path.length - 1], op.get("value"));
    }
}
