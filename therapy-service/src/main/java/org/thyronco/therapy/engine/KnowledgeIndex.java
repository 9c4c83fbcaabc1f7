package org.thyronco.therapy.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One knowledge release, indexed for matching: items by gene, biomarker-agnostic items apart. Immutable but for the
 * evidence it assembles on first use (thread-safe).
 */
public final class KnowledgeIndex {

    private final String release;
    private final Map<String, Knowledge.Source> sources = new HashMap<>();
    /** Each source's citation, formatted once per release rather than once per recommendation. */
    private final Map<String, Result.Citation> citations = new HashMap<>();
    private final Map<String, Knowledge.Therapy> therapies = new HashMap<>();
    private final Map<String, List<Knowledge.Item>> byGene = new HashMap<>();
    private final List<Knowledge.Item> geneless = new ArrayList<>();
    /** Each therapy's toxicity cautions and each item's citations, assembled once per release. */
    private final Map<String, KnowledgeList<String>> cautions = new HashMap<>();
    private final Map<String, KnowledgeList<Result.Citation>> itemCitations = new HashMap<>();
    /**
     * The evidence of a recommendation, by the ids of the items it rests on (in ranking order): assembled on first
     * use and shared by every later answer resting on the same items. Profiles of one kind (BRAF V600E anaplastic
     * carcinoma, first line) recur, and so do their item sets; a release has at most a few thousand of them.
     */
    private final Map<List<String>, Evidence> evidence = new ConcurrentHashMap<>();
    /**
     * The items that apply to a diagnosis, by diagnosis and gene (biomarker-agnostic items under the diagnosis alone),
     * each with its disease specificity: worked out on first use instead of item by item in every match. At most the
     * release's genes times the thyroid OncoTree codes.
     */
    private final Map<String, List<Applicable>> applicable = new ConcurrentHashMap<>();
    private final int size;

    /** An item that applies to a diagnosis, and through which disease on its path: 0 the diagnosis itself. */
    record Applicable(Knowledge.Item item, int specificity) {}

    /** What a recommendation cites from its items: outcome figures, sources, trials and label entries, each once. */
    public record Evidence(KnowledgeList<Knowledge.Outcome> outcomes, KnowledgeList<Result.Citation> citations,
            KnowledgeList<String> trials, KnowledgeList<Knowledge.Regulatory> regulatory) {}

    private static final KnowledgeList<String> NO_CAUTIONS = KnowledgeList.of(List.of());

    /** Past this many item sets, further ones are assembled for each answer rather than kept. */
    static final int MAX_EVIDENCE_SETS = 10_000;

    private KnowledgeIndex(String release, List<Knowledge.Source> sources, List<Knowledge.Therapy> therapies,
            List<Knowledge.Item> items) {
        this.release = release;
        for (Knowledge.Source s : sources) {
            this.sources.put(s.id(), s);
            this.citations.put(s.id(), TherapyMatcher.citationOf(s));
        }
        for (Knowledge.Therapy t : therapies) {
            this.therapies.put(t.id(), t);
            List<String> texts = new ArrayList<>();
            if (t.toxicities() != null) {
                t.toxicities().forEach(x -> texts.add(x.text()));
            }
            cautions.put(t.id(), KnowledgeList.of(texts));
        }
        for (Knowledge.Item item : items) {
            itemCitations.put(item.id(), KnowledgeList.of(item.sources().stream().map(this::citation).toList()));
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

    /**
     * The items about {@code gene} (null: the biomarker-agnostic ones) that apply to diagnosis {@code dx}, in release
     * order. {@code dx} must be a known OncoTree code.
     */
    List<Applicable> applicable(String dx, String gene) {
        List<Knowledge.Item> items = gene == null ? geneless : byGene.get(gene);
        if (items == null) {
            return List.of(); // a gene the release says nothing about (not kept: genes come from requests)
        }
        return applicable.computeIfAbsent(gene == null ? dx : dx + '/' + gene, key -> {
            List<String> path = OncoTree.path(dx);
            List<Applicable> out = new ArrayList<>();
            for (Knowledge.Item item : items) {
                int specificity = specificity(item, path);
                if (specificity >= 0) {
                    out.add(new Applicable(item, specificity));
                }
            }
            return List.copyOf(out);
        });
    }

    /** Index of the item's most specific disease on the case's path, or -1 when it does not apply. */
    private static int specificity(Knowledge.Item item, List<String> path) {
        if (item.excludedDiseases() != null) {
            for (String excluded : item.excludedDiseases()) {
                if (path.contains(excluded)) {
                    return -1;
                }
            }
        }
        for (int i = 0; i < path.size(); i++) {
            if (item.diseases().contains(path.get(i))) {
                return i;
            }
        }
        return -1;
    }

    Knowledge.Therapy therapy(String id) {
        return therapies.get(id);
    }

    Knowledge.Source source(String id) {
        return sources.get(id);
    }

    /** The toxicity cautions of a therapy (none for a therapy this release does not describe). */
    KnowledgeList<String> cautions(String therapyId) {
        return cautions.getOrDefault(therapyId, NO_CAUTIONS);
    }

    /** An item's citations, in the order the item lists its sources. */
    KnowledgeList<Result.Citation> citations(Knowledge.Item item) {
        return itemCitations.get(item.id());
    }

    /** The evidence of a recommendation resting on {@code items}, primary item first. */
    Evidence evidence(List<Knowledge.Item> items) {
        List<String> key = new ArrayList<>(items.size());
        for (Knowledge.Item item : items) {
            key.add(item.id());
        }
        Evidence e = evidence.get(key);
        if (e == null) {
            e = assemble(items);
            if (evidence.size() < MAX_EVIDENCE_SETS) {
                evidence.putIfAbsent(key, e);
            }
        }
        return e;
    }

    // Items of one therapy often repeat the same figures and label entries: each is listed once, first seen first.
    private Evidence assemble(List<Knowledge.Item> items) {
        Set<String> sourceIds = new LinkedHashSet<>();
        Set<Knowledge.Outcome> outcomes = new LinkedHashSet<>();
        Set<String> trials = new LinkedHashSet<>();
        Set<Knowledge.Regulatory> regulatory = new LinkedHashSet<>();
        for (Knowledge.Item item : items) {
            sourceIds.addAll(item.sources());
            if (item.outcomes() != null) {
                outcomes.addAll(item.outcomes());
            }
            if (item.trials() != null) {
                trials.addAll(item.trials());
            }
            if (item.regulatory() != null) {
                regulatory.addAll(item.regulatory());
            }
        }
        return new Evidence(KnowledgeList.of(outcomes), KnowledgeList.of(sourceIds.stream().map(this::citation).toList()),
                KnowledgeList.of(trials), KnowledgeList.of(regulatory));
    }

    /** The citation of a source of this release; an unknown id is cited by itself. */
    Result.Citation citation(String sourceId) {
        Result.Citation c = citations.get(sourceId);
        return c != null ? c : new Result.Citation(sourceId, null, sourceId);
    }
}
