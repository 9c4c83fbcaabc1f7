package org.thyronco.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;

/** The report as a printable HTML page. Every value from data is escaped. */
public final class HtmlReport {

    private HtmlReport() {}

    public static String render(JsonNode r) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Molecular tumour board report ")
                .append(esc(r.path("caseId").asText())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;")
                .append("width:100%;margin:1em 0}th,td{border:1px solid #999;padding:4px 6px;text-align:left;")
                .append("vertical-align:top;font-size:13px}th{background:#eee}.flag{color:#8a4b00}")
                .append("@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}a{color:#000}}</style></head><body>");
        h.append("<h1>Molecular tumour board report</h1>");
        h.append("<p>Case <strong>").append(esc(r.path("caseId").asText())).append("</strong> &middot; diagnosis ")
                .append(esc(r.path("context").path("diagnosis").asText())).append(" &middot; knowledge release ")
                .append(esc(r.path("knowledgeRelease").asText("pending"))).append(" &middot; generated ")
                .append(esc(r.path("generatedAt").asText())).append("</p>");
        h.append("<h2>Findings</h2>");
        int listed = r.path("profile").path("findings").size();
        int stored = r.path("profile").path("findingCount").asInt(listed);
        if (stored > listed) {
            h.append("<p id=\"unlisted\">").append(listed).append(" of ").append(stored).append(" findings listed; ")
                    .append("the other ").append(stored - listed).append(" are variants at no gene the knowledge base ")
                    .append("covers, kept in the profile.</p>");
        }
        h.append("<table id=\"findings\"><thead><tr><th>Ref</th><th>Type</th>")
                .append("<th>Gene</th><th>Normalized</th><th>As reported</th></tr></thead><tbody>");
        for (JsonNode f : r.path("profile").path("findings")) {
            String normalized = f.hasNonNull("proteinChange") ? f.get("proteinChange").asText()
                    : f.hasNonNull("fusion") ? f.get("fusion").asText()
                    : f.hasNonNull("hgvsc") ? f.get("hgvsc").asText()
                    : f.hasNonNull("tmb") ? f.get("tmb").asText() + " mut/Mb"
                    : f.hasNonNull("msi") ? f.get("msi").asText() : f.path("copyNumber").asText("");
            h.append("<tr><td>").append(esc(f.path("ref").asText())).append("</td><td>")
                    .append(esc(f.path("type").asText())).append("</td><td>").append(esc(f.path("gene").asText("")))
                    .append("</td><td>").append(esc(normalized)).append("</td><td>")
                    .append(esc(f.path("raw").asText(""))).append("</td></tr>");
        }
        h.append("</tbody></table><h2>Recommendations</h2><table id=\"recommendations\"><thead><tr><th>#</th><th>Therapy</th>")
                .append("<th>Level</th><th>Status</th><th>Why</th><th>Flags and cautions</th><th>Citations</th></tr>")
                .append("</thead><tbody>");
        for (JsonNode rec : r.path("recommendations")) {
            h.append("<tr><td>").append(rec.path("rank").asInt()).append("</td><td>")
                    .append(esc(rec.path("therapyName").asText(rec.path("therapyId").asText()))).append("</td><td>")
                    // An item the knowledge base deliberately leaves without a level says so, rather than a blank.
                    .append(rec.hasNonNull("level") ? esc(rec.get("level").asText()) : "no level").append(" ")
                    .append(esc(rec.path("ampTier").asText("")))
                    .append("</td><td>").append(esc(rec.path("status").asText(""))).append("</td><td>");
            for (JsonNode m : rec.path("matches")) {
                // Biomarker-agnostic options (chemotherapy, standard care) match the clinical context, not a finding.
                h.append(m.hasNonNull("findingRef") ? esc(m.get("findingRef").asText()) : "clinical context")
                        .append(" &rarr; ").append(esc(m.path("itemId").asText()))
                        .append(" (").append(esc(m.path("granularity").asText())).append("; ")
                        .append(esc(String.join(" → ", texts(m.path("diseasePath"))))).append(")<br>");
            }
            h.append(esc(rec.path("summary").asText(""))).append("</td><td class=\"flag\">");
            for (JsonNode f : rec.path("flags")) {
                h.append(esc(f.asText())).append("<br>");
            }
            for (JsonNode c : rec.path("cautions")) {
                h.append(esc(c.asText())).append("<br>");
            }
            h.append("</td><td>");
            for (JsonNode c : rec.path("citations")) {
                h.append(esc(c.path("label").asText(c.path("sourceId").asText())));
                if (c.hasNonNull("doi")) {
                    h.append(" doi:<a href=\"https://doi.org/").append(esc(c.get("doi").asText())).append("\">")
                            .append(esc(c.get("doi").asText())).append("</a>");
                }
                h.append("<br>");
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table>");
        if (r.path("prognostic").size() > 0) {
            h.append("<h2>Prognostic notes</h2><ul id=\"prognostic\">");
            for (JsonNode p : r.path("prognostic")) {
                h.append("<li>").append(esc(p.path("gene").asText())).append(": ").append(esc(p.path("text").asText()))
                        .append("</li>");
            }
            h.append("</ul>");
        }
        if (r.path("suppressed").size() > 0) {
            h.append("<h2>Not recommended</h2><ul id=\"suppressed\">");
            for (JsonNode s : r.path("suppressed")) {
                h.append("<li>").append(esc(s.path("therapyId").asText())).append(": ")
                        .append(esc(s.path("reason").asText())).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("<p><em>").append(esc(r.path("disclaimer").asText())).append("</em></p></body></html>");
        return h.toString();
    }

    private static Iterable<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
