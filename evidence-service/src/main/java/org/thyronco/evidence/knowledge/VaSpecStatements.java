package org.thyronco.evidence.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence items as GA4GH VA-Spec-shaped statements (Statement with a variant-therapeutic-response,
 * prognostic or diagnostic proposition), so VA-Spec consumers can read our knowledge without a mapper.
 */
public final class VaSpecStatements {

    private VaSpecStatements() {}

    public static List<Map<String, Object>> of(String release, List<Knowledge.EvidenceItem> items,
            Map<String, Knowledge.Source> sources, Map<String, Knowledge.Therapy> therapies) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Knowledge.EvidenceItem item : items) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", "thyronco:" + release + ":" + item.id());
            s.put("type", "Statement");
            s.put("description", item.summary());
            s.put("direction", "does-not-support".equals(item.direction()) ? "disputes" : "supports");
            if (item.level() != null) {
                s.put("strength", Map.of("primaryCoding", Map.of("system", "OncoKB-style level (thyronco)",
                        "code", item.level())));
            }
            s.put("proposition", proposition(item, therapies));
            List<Map<String, Object>> reportedIn = new ArrayList<>();
            for (String id : item.sources()) {
                Knowledge.Source src = sources.get(id);
                if (src != null) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("type", "Document");
                    doc.put("id", src.id());
                    doc.put("title", src.title());
                    if (src.doi() != null) {
                        doc.put("doi", src.doi());
                    }
                    reportedIn.add(doc);
                }
            }
            s.put("reportedIn", reportedIn);
            out.add(s);
        }
        return out;
    }

    private static Map<String, Object> proposition(Knowledge.EvidenceItem item, Map<String, Knowledge.Therapy> t) {
        Map<String, Object> p = new LinkedHashMap<>();
        String type = switch (item.significance()) {
            case "prognostic" -> "VariantPrognosticProposition";
            case "diagnostic" -> "VariantDiagnosticProposition";
            default -> "VariantTherapeuticResponseProposition";
        };
        p.put("type", type);
        Knowledge.Biomarker b = item.biomarker();
        String variant = b == null ? "any" : (b.gene() == null ? "" : b.gene() + " ")
                + (b.alteration() != null ? b.alteration() : b.kind());
        p.put("subjectVariant", Map.of("type", "CategoricalVariant", "name", variant.trim()));
        p.put("predicate", switch (item.significance()) {
            case "resistance" -> "predictsResistanceTo";
            case "prognostic" -> "associatedWithWorseOutcomeFor";
            case "diagnostic" -> "isDiagnosticInclusionCriterionFor";
            default -> "predictsSensitivityTo";
        });
        if (item.therapy() != null) {
            Knowledge.Therapy therapy = t.get(item.therapy());
            p.put("objectTherapeutic", Map.of("id", item.therapy(), "name",
                    therapy == null ? item.therapy() : therapy.name()));
        }
        p.put("conditionQualifier", Map.of("type", "Disease", "primaryCoding",
                Map.of("system", "https://oncotree.mskcc.org", "code", String.join(",", item.diseases()))));
        return p;
    }
}
