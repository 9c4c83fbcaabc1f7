package org.thyronco.evidence.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sources as CSL-JSON (for reference managers) and BibTeX. */
public final class Citations {

    private Citations() {}

    public static List<Map<String, Object>> cslJson(List<Knowledge.Source> sources) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Knowledge.Source s : sources) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", s.id());
            c.put("type", "label".equals(s.kind()) ? "legislation"
                    : "guideline".equals(s.kind()) ? "report" : "article-journal");
            c.put("title", s.title());
            if (s.authors() != null) {
                c.put("author", authors(s.authors()));
            }
            put(c, "container-title", s.journal());
            if (s.year() != null) {
                c.put("issued", Map.of("date-parts", List.of(List.of(s.year()))));
            }
            put(c, "volume", s.volume());
            put(c, "issue", s.issue());
            put(c, "page", s.pages());
            put(c, "DOI", s.doi());
            put(c, "URL", s.url());
            out.add(c);
        }
        return out;
    }

    public static String bibtex(List<Knowledge.Source> sources) {
        StringBuilder b = new StringBuilder();
        for (Knowledge.Source s : sources) {
            b.append("label".equals(s.kind()) ? "@misc{" : "@article{").append(s.id()).append(",\n");
            field(b, "author", s.authors() == null ? null : s.authors().replace(", ", " and "));
            field(b, "title", s.title());
            field(b, "journal", s.journal());
            field(b, "year", s.year() == null ? null : s.year().toString());
            field(b, "volume", s.volume());
            field(b, "number", s.issue());
            field(b, "pages", s.pages() == null ? null : s.pages().replace("-", "--"));
            field(b, "doi", s.doi());
            field(b, "url", s.url());
            b.append("}\n\n");
        }
        return b.toString();
    }

    /** "Subbiah V, Kreitman RJ, et al." → [{family: Subbiah, given: V}, ..., {literal: "et al."}] */
    static List<Map<String, String>> authors(String authors) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String a : authors.split(",")) {
            String name = a.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.toLowerCase(Locale.ROOT).startsWith("et al")) {
                out.add(Map.of("literal", "et al."));
                continue;
            }
            int space = name.lastIndexOf(' ');
            out.add(space > 0 ? Map.of("family", name.substring(0, space), "given", name.substring(space + 1))
                    : Map.of("literal", name));
        }
        return out;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append("  ").append(name).append(" = {").append(value.replace("{", "\\{").replace("}", "\\}"))
                    .append("},\n");
        }
    }
}
