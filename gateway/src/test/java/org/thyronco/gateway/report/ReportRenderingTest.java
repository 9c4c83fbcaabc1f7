package org.thyronco.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report's three renderings from one composed document (plain JUnit; HAPI checks the FHIR). */
class ReportRenderingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode report;

    @BeforeAll
    static void compose() throws IOException {
        report = ReportComposer.compose(JSON, read("case.json"), read("profile.json"), read("recommendations.json"));
    }

    static JsonNode read(String name) throws IOException {
        try (InputStream in = ReportRenderingTest.class.getResourceAsStream("/report/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theJsonReportCarriesFindingsRecommendationsPrognosisAndTheRelease() {
        assertThat(report.path("knowledgeRelease").asText()).isEqualTo("2026.11.0");
        assertThat(report.path("status").asText()).isEqualTo("READY");
        assertThat(report.path("recommendations").get(0).path("therapyId").asText()).isEqualTo("dabrafenib+trametinib");
        assertThat(report.path("prognostic").get(0).path("gene").asText()).isEqualTo("TERT");
        assertThat(report.path("profile").path("findings")).hasSize(3);
        assertThat(report.path("disclaimer").asText()).contains("not a treatment order");
    }

    @Test
    void aCaseWithoutRecommendationsYetIsPending() {
        JsonNode pending = ReportComposer.compose(JSON, report.path("context").isMissingNode() ? null
                : JSON.createObjectNode().put("caseId", "X").set("context", report.path("context")), null, null);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("recommendations")).isEmpty();
    }

    @Test
    void theHtmlPageShowsTheTableAndCitationsAndEscapesData() {
        String html = HtmlReport.render(report);
        assertThat(html).contains("<table id=\"recommendations\">").contains("Dabrafenib + trametinib")
                .contains("https://doi.org/10.1200/JCO.2017.73.6785")
                .contains("label condition to confirm: no-satisfactory-locoregional-options");
        assertThat(html).contains("BRAF p.Val600Glu &lt;b&gt;").doesNotContain("Val600Glu <b>");
    }

    @Test
    void aLargeProfileListsItsReportableFindingsAndSaysHowManyMoreAreStored() throws IOException {
        // genomics-service answers a report's profile with the reportable findings and the count of all of them.
        com.fasterxml.jackson.databind.node.ObjectNode large = (com.fasterxml.jackson.databind.node.ObjectNode) read(
                "profile.json");
        large.put("findingCount", 30_001);
        JsonNode composed = ReportComposer.compose(JSON, read("case.json"), large, read("recommendations.json"));

        assertThat(composed.path("profile").path("findingCount").asInt()).isEqualTo(30_001);
        assertThat(composed.path("profile").path("findings")).hasSize(3);
        assertThat(HtmlReport.render(composed)).contains("3 of 30001 findings listed; the other 29998 are variants");
        // A profile whose every finding is listed says nothing of the kind.
        assertThat(report.path("profile").path("findingCount").asInt()).isEqualTo(3);
        assertThat(HtmlReport.render(report)).doesNotContain("id=\"unlisted\"");
    }

    @Test
    void theFhirBundleParsesAsR4WithTheGenomicsReportingShape() {
        String fhir = FhirReport.bundle(JSON, report).toString();
        IParser parser = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle = parser.parseResource(Bundle.class, fhir);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getClass().getSimpleName())
                .contains("Patient", "DiagnosticReport", "Observation");
        DiagnosticReport dr = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DiagnosticReport.class::isInstance).map(DiagnosticReport.class::cast).findFirst().orElseThrow();
        assertThat(dr.getResult()).hasSize(4); // three findings + one therapeutic implication
        assertThat(dr.getCode().getCodingFirstRep().getCode()).isEqualTo("81247-9");
        Patient patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
        assertThat(patient.getName()).isEmpty();
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("CASE-R1");
        Observation implication = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast)
                .filter(o -> o.getMeta().getProfile().get(0).getValue().endsWith("therapeutic-implication"))
                .findFirst().orElseThrow();
        assertThat(implication.getDerivedFrom()).extracting(r -> r.getReference()).containsExactly("Observation/finding-F1");
        assertThat(implication.getNoteFirstRep().getText()).contains("10.1200/JCO.2017.73.6785");
    }
}
