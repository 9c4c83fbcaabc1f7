package org.thyronco.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report as an HL7 FHIR R4 Bundle following the Genomics Reporting IG (STU2) profiles: a
 * DiagnosticReport, one variant Observation per finding, one therapeutic-implication Observation per
 * recommendation. The patient is referenced by the pseudonymous case id only.
 */
public final class FhirReport {

    private static final String IG = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/";
    private static final String LOINC = "http://loinc.org";

    private FhirReport() {}

    public static ObjectNode bundle(ObjectMapper json, JsonNode report) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", UUID.randomUUID().toString());
        bundle.put("type", "collection");
        bundle.put("timestamp", report.path("generatedAt").asText());
        ArrayNode entries = bundle.putArray("entry");

        String patientId = "case-" + report.path("caseId").asText().replaceAll("[^A-Za-z0-9.-]", "-");
        ObjectNode patient = json.createObjectNode();
        patient.put("resourceType", "Patient");
        patient.put("id", patientId);
        patient.putArray("identifier").addObject().put("system", "urn:thyronco:case")
                .put("value", report.path("caseId").asText());
        add(entries, patient);

        List<String> results = new ArrayList<>();
        Map<String, String> findingObservation = new HashMap<>();
        for (JsonNode f : report.path("profile").path("findings")) {
            ObjectNode obs = observation(json, patientId, IG + "variant", "69548-6", "Genetic variant assessment");
            String id = "finding-" + f.path("ref").asText();
            obs.put("id", id);
            obs.putObject("valueCodeableConcept").putArray("coding").addObject().put("system", LOINC)
                    .put("code", "LA9633-4").put("display", "Present");
            ArrayNode components = obs.putArray("component");
            if (f.hasNonNull("gene")) {
                component(components, "48018-6", "Gene studied [ID]").putObject("valueCodeableConcept")
                        .putArray("coding").addObject().put("system", "http://www.genenames.org/geneId")
                        .put("display", f.get("gene").asText());
            }
            if (f.hasNonNull("proteinChange")) {
                component(components, "48005-3", "Amino acid change (pHGVS)").putObject("valueCodeableConcept")
                        .put("text", f.get("proteinChange").asText());
            }
            if (f.hasNonNull("hgvsc")) {
                component(components, "48004-6", "DNA change (c.HGVS)").putObject("valueCodeableConcept")
                        .put("text", f.get("hgvsc").asText());
            }
            if (f.hasNonNull("fusion")) {
                obs.putArray("note").addObject().put("text", "Fusion " + f.get("fusion").asText());
            }
            if (f.hasNonNull("tmb")) {
                component(components, "94076-7", "Mutations/Megabase [# Ratio] in Tumor").putObject("valueQuantity")
                        .put("value", f.get("tmb").asDouble()).put("unit", "/1000000{Base}")
                        .put("system", "http://unitsofmeasure.org").put("code", "/1000000{Base}");
            }
            if (f.hasNonNull("msi")) {
                component(components, "81695-9", "Microsatellite instability [Interpretation] in Cancer specimen")
                        .putObject("valueCodeableConcept").put("text", f.get("msi").asText());
            }
            if (components.isEmpty()) {
                obs.remove("component");
            }
            findingObservation.put(f.path("ref").asText(), id);
            results.add(id);
            add(entries, obs);
        }

        int n = 0;
        for (JsonNode rec : report.path("recommendations")) {
            ObjectNode obs = observation(json, patientId, IG + "therapeutic-implication", "51961-1",
                    "Genetic variation's effect on drug efficacy");
            String id = "implication-" + (++n);
            obs.put("id", id);
            ArrayNode derived = obs.putArray("derivedFrom");
            for (JsonNode m : rec.path("matches")) {
                String ref = findingObservation.get(m.path("findingRef").asText());
                if (ref != null) {
                    derived.addObject().put("reference", "Observation/" + ref);
                }
            }
            if (derived.isEmpty()) {
                obs.remove("derivedFrom");
            }
            ArrayNode components = obs.putArray("component");
            component(components, "51963-7", "Medication assessed [ID]").putObject("valueCodeableConcept")
                    .put("text", rec.path("therapyName").asText(rec.path("therapyId").asText()));
            if (rec.hasNonNull("level")) {
                component(components, "93044-6", "Level of evidence").putObject("valueCodeableConcept")
                        .put("text", rec.get("level").asText());
            }
            List<String> citations = new ArrayList<>();
            rec.path("citations").forEach(c -> citations.add(c.path("label").asText(c.path("sourceId").asText())
                    + (c.hasNonNull("doi") ? " doi:" + c.get("doi").asText() : "")));
            if (!citations.isEmpty()) {
                obs.putArray("note").addObject().put("text", "Sources: " + String.join("; ", citations));
            }
            results.add(id);
            add(entries, obs);
        }

        ObjectNode dr = json.createObjectNode();
        dr.put("resourceType", "DiagnosticReport");
        dr.put("id", "report");
        dr.putObject("meta").putArray("profile").add(IG + "genomic-report");
        dr.put("status", "final");
        dr.putObject("code").putArray("coding").addObject().put("system", LOINC).put("code", "81247-9")
                .put("display", "Master HL7 genetic variant reporting panel");
        dr.putObject("subject").put("reference", "Patient/" + patientId);
        dr.put("issued", report.path("generatedAt").asText());
        ArrayNode result = dr.putArray("result");
        results.forEach(r -> result.addObject().put("reference", "Observation/" + r));
        dr.put("conclusion", "Knowledge release " + report.path("knowledgeRelease").asText("pending") + ". "
                + report.path("disclaimer").asText());
        add(entries, dr);
        return bundle;
    }

    private static ObjectNode observation(ObjectMapper json, String patientId, String profile, String code,
            String display) {
        ObjectNode obs = json.createObjectNode();
        obs.put("resourceType", "Observation");
        obs.putObject("meta").putArray("profile").add(profile);
        obs.put("status", "final");
        obs.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory");
        obs.putObject("code").putArray("coding").addObject().put("system", LOINC).put("code", code)
                .put("display", display);
        obs.putObject("subject").put("reference", "Patient/" + patientId);
        return obs;
    }

    private static ObjectNode component(ArrayNode components, String code, String display) {
        ObjectNode c = components.addObject();
        c.putObject("code").putArray("coding").addObject().put("system", LOINC).put("code", code)
                .put("display", display);
        return c;
    }

    private static void add(ArrayNode entries, ObjectNode resource) {
        ObjectNode e = entries.addObject();
        e.put("fullUrl", "urn:uuid:" + UUID.nameUUIDFromBytes((resource.path("resourceType").asText() + "/"
                + resource.path("id").asText()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        e.set("resource", resource);
    }
}
