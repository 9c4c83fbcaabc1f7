package org.thyronco.genomics.normalize.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.thyronco.genomics.normalize.Fixtures;
import org.thyronco.genomics.normalize.MiniYaml;
import org.thyronco.genomics.normalize.query.VariantQueryClassifier.Category;

/**
 * VICC variation-normalization fixtures (MIT, copied under extdata/vicc-variation-normalization). Every category in
 * tokenizers.yml and classifiers.yml is covered fully (all should_match and should_not_match entries): gene, hgvs,
 * amplification, protein substitution / stop gain / reference agree / delins / deletion / insertion / frameshift,
 * cDNA and genomic substitution / reference agree / delins / deletion / insertion, genomic duplication and ambiguous
 * deletion/duplication. No category is skipped; the test fails if the fixture gains one that is not mapped.
 */
class ViccFixturesTest {

    @Test
    void tokenizerCategoriesAreAllCoveredFully() {
        int n = check("extdata/vicc-variation-normalization/tokenizers.yml", "token",
                VariantQueryClassifier::classifyToken);
        assertEquals(279, n);
    }

    @Test
    void classifierCategoriesAreAllCoveredFully() {
        int n = check("extdata/vicc-variation-normalization/classifiers.yml", "query",
                VariantQueryClassifier::classifyQuery);
        assertEquals(155, n);
    }

    @SuppressWarnings("unchecked")
    private static int check(String fixture, String key, Function<String, Category> classify) {
        Map<String, Object> doc = (Map<String, Object>) MiniYaml.parse(Fixtures.lines(fixture));
        Set<String> known = new TreeSet<>();
        for (Category c : Category.values()) {
            known.add(c.viccName());
        }
        List<String> failures = new ArrayList<>();
        int entries = 0;
        for (Map.Entry<String, Object> cat : doc.entrySet()) {
            assertTrue(known.contains(cat.getKey()), "category not mapped: " + cat.getKey());
            Map<String, Object> body = (Map<String, Object>) cat.getValue();
            for (String list : List.of("should_match", "should_not_match")) {
                List<Object> items = (List<Object>) body.get(list);
                assertTrue(items != null && !items.isEmpty(), cat.getKey() + " has no " + list);
                for (Object o : items) {
                    String text = (String) ((Map<String, Object>) o).get(key);
                    Category got = classify.apply(text);
                    boolean matched = got != null && got.viccName().equals(cat.getKey());
                    boolean expected = list.equals("should_match");
                    if (matched != expected) {
                        failures.add(cat.getKey() + " " + list + ": '" + text + "' classified as " + got);
                    }
                    entries++;
                }
            }
        }
        assertEquals(List.of(), failures);
        return entries;
    }
}
