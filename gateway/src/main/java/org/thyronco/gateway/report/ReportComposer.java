package org.thyronco.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;

/**
 * The case report a tumour board reads: context, normalized findings, ranked recommendations with their
 * explanations and citations, prognostic notes, and the knowledge release, in one JSON document. The findings are the
 * reportable ones (those at a gene, and every non-SNV result); {@code findingCount} counts every stored finding.
 */
public final class ReportComposer {

    public static final String DISCLAIMER = "Decision support for a molecular tumour board, not a treatment order. "
            + "Every option cites its sources and the knowledge release it was matched against; label conditions "
            + "flagged 'to confirm' are not established by the case data.";

    private ReportComposer() {}

    /** @param recommendations the stored recommendation set, or null when none has been issued yet */
    public static ObjectNode compose(ObjectMapper json, JsonNode caseView, JsonNode profile, JsonNode recommendations) {
        ObjectNode report = json.createObjectNode();
        report.put("generatedAt", OffsetDateTime.now().toString());
        report.put("caseId", caseView.path("caseId").asText());
        report.set("context", caseView.path("context"));
        report.set("profile", profile == null ? json.nullNode() : json.createObjectNode()
                .put("id", profile.path("id").asText())
                .put("version", profile.path("version").asInt())
                .put("source", profile.path("source").asText())
                .put("findingCount", profile.path("findingCount").asInt(profile.path("findings").size()))
                .set("findings", profile.path("findings")));
        if (recommendations == null) {
            report.putNull("knowledgeRelease");
            report.set("recommendations", json.createArrayNode());
            report.set("prognostic", json.createArrayNode());
            report.set("suppressed", json.createArrayNode());
            report.put("status", "PENDING");
        } else {
            JsonNode set = recommendations.path("recommendations");
            report.put("knowledgeRelease", recommendations.path("release").asText());
            report.set("recommendations", set.path("recommendations"));
            report.set("prognostic", set.path("prognostic"));
            report.set("suppressed", set.path("suppressed"));
            report.set("warnings", set.path("warnings"));
            report.put("status", "READY");
        }
        report.put("disclaimer", DISCLAIMER);
        return report;
    }
}
