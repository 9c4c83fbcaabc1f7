package org.thyronco.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.thyronco.gateway.client.GenomicsClient;
import org.thyronco.gateway.client.TherapyClient;
import org.thyronco.gateway.report.FhirReport;
import org.thyronco.gateway.report.HtmlReport;
import org.thyronco.gateway.report.ReportComposer;
import org.thyronco.gateway.security.Caller;
import org.thyronco.gateway.service.Downstream;

/** A case's full report for the tumour board: JSON, a printable HTML page, or a FHIR R4 bundle. */
@Path("/api/v1")
@Tag(name = "Reports")
@SecurityRequirement(name = "jwt")
public class ReportResource {

    @Inject
    @RestClient
    GenomicsClient genomics;

    @Inject
    @RestClient
    TherapyClient therapy;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @GET
    @Path("cases/{caseId}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.CLINICIAN, Caller.LAB, Caller.ADMIN})
    @Operation(operationId = "getReport", summary = "The case report: context, findings, ranked recommendations "
            + "with explanations and citations, prognostic notes, knowledge release")
    public Uni<Response> report(@PathParam("caseId") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String caseId) {
        return compose(caseId, r -> Response.ok(r, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("cases/{caseId}/report.html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Caller.CLINICIAN, Caller.LAB, Caller.ADMIN})
    @Operation(operationId = "getReportHtml", summary = "The case report as a printable HTML page")
    public Uni<Response> html(@PathParam("caseId") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String caseId) {
        return compose(caseId, r -> Response.ok(HtmlReport.render(r), MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build());
    }

    @GET
    @Path("cases/{caseId}/report/fhir")
    @Produces("application/fhir+json")
    @RolesAllowed({Caller.CLINICIAN, Caller.LAB, Caller.ADMIN})
    @Operation(operationId = "getReportFhir", summary = "The case report as an HL7 FHIR R4 Genomics Reporting bundle")
    public Uni<Response> fhir(@PathParam("caseId") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String caseId) {
        return compose(caseId, r -> Response.ok(FhirReport.bundle(json, r), "application/fhir+json").build());
    }

    private Uni<Response> compose(String caseId, java.util.function.Function<JsonNode, Response> render) {
        String lab = caller.labScope();
        Uni<Response> caseCall = Downstream.relay("genomics-service", genomics.getCase(lab, caseId));
        // A report lists the findings matching looked at; a whole-exome VCF's other variants are counted, not listed.
        Uni<Response> profileCall = Downstream.relay("genomics-service", genomics.latestProfile(lab, caseId,
                "reportable"));
        Uni<Response> recsCall = Downstream.relay("therapy-service", therapy.recommendations(lab, caseId, null));
        return Uni.combine().all().unis(caseCall, profileCall, recsCall).asTuple()
                // Reading a few MB of findings and rendering them as HTML or FHIR takes milliseconds: on a worker
                // thread, not on the gateway's one event loop, which every other request waits on meanwhile.
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(t -> {
            if (t.getItem1().getStatus() != 200) {
                return t.getItem1(); // 404 for a case that does not exist or belongs to another lab
            }
            JsonNode caseView = read(t.getItem1());
            JsonNode profile = t.getItem2().getStatus() == 200 ? read(t.getItem2()) : null;
            JsonNode recs = t.getItem3().getStatus() == 200 ? read(t.getItem3()) : null;
            return render.apply(ReportComposer.compose(json, caseView, profile, recs));
        });
    }

    private JsonNode read(Response r) {
        try {
            return json.readTree((byte[]) r.getEntity());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("downstream answered with invalid JSON", e);
        }
    }
}
