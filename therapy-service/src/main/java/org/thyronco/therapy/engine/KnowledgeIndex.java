package org.thyronco.therapy.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One knowledge release, indexed for matching: items by gene, biomarker-agnostic items apart. Immutable. */
public final class KnowledgeIndex {

    private final String release;
    private final Map<String, Knowledge.Source> sources = new HashMap<>();
    /** Each source's citation, formatted once per release rather than once per recommendation. */
    private final Map<String, Result.Citation> citations = new HashMap<>();
    private final Map<String, Knowledge.Therapy> therapies = new HashMap<>();
    private final Map<String, List<Knowledge.Item>> byGene = new HashMap<>();
    private final List<Knowledge.Item> geneless = new ArrayList<>();
    private final int size;

    private KnowledgeIndex(String release, List<Knowledge.Source> sources, List<Knowledge.Therapy> therapies,
            List<Knowledge.Item> items) {
        this.release = release;
        for (Knowledge.Source s : sources) {
            this.sources.put(s.id(), s);
            this.citations.put(s.id(), TherapyMatcher.citationOf(s));
        }
        therapies.forEach(t -> this.therapies.put(t.id(), t));
        for (Knowledge.Item item : items) {
            String gene = item.biomarker() == null ? null : item.biomarker().gene();
            if (gene == null) {
                geneless.add(item);
            } else {
                byGene.computeIfAbsent(gene, g -> new ArrayList<>()).add(item);
            }
        }
        this.size = items.size();
    }

    public static KnowledgeIndex of(String release, List<Knowledge.Source> sources, List<Knowledge.Therapy> therapies,
            List<Knowledge.Item> items) {
        return new KnowledgeIndex(release, sources, therapies, items);
    }

    public String release() {
        return release;
    }

    public int size() {
        return size;
    }

    List<Knowledge.Item> itemsForGene(String gene) {
        return byGene.getOrDefault(gene, List.of());
    }

    List<Knowledge.Item> genelessItems() {
        return geneless;
    }

    Knowledge.Therapy therapy(String id) {
        return therapies.get(id);
    }

    Knowledge.Source source(String id) {
        return sources.get(id);
    }

    /** The citation of a source of this release; an unknown id is cited by itself. */
    Result.Citation citation(String sourceId) {
        Result.Citation c = citations.get(sourceId);
        return c != null ? c : new Result.Citation(sourceId, null, sourceId);
    }
}
