package org.thyronco.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.thyronco.gateway.client.GenomicsClient;
import org.thyronco.gateway.client.TherapyClient;
import org.thyronco.gateway.security.Caller;
import org.thyronco.gateway.service.Downstream;
import org.thyronco.support.rest.QueryParameters;

/** Cases, profiles, uploads, jobs and recommendations: the lab and clinician surface. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "jwt")
public class CaseGatewayResource {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String UUID = "[0-9a-fA-F-]{36}";
    /** Which findings a profile is read with: all (the default), or only those a report lists. */
    private static final String FINDINGS = "all|reportable";

    @Inject
    @RestClient
    GenomicsClient genomics;

    @Inject
    @RestClient
    TherapyClient therapy;

    @Inject
    Caller caller;

    @POST
    @Path("cases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.LAB, Caller.ADMIN})
    @Operation(operationId = "createCase", summary = "Register a case (pseudonymous id) with its clinical context")
    public Uni<Response> createCase(@NotNull JsonNode body) {
        return Downstream.relay("genomics-service", genomics.createCase(labOrDefault(), body));
    }

    @GET
    @Path("cases")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "listCases", summary = "Cases visible to the caller, filtered and paged")
    public Uni<Response> listCases(@QueryParam("diagnosis") @Pattern(regexp = "[A-Z]{2,8}") String diagnosis,
            @QueryParam("gene") @Pattern(regexp = "[A-Z0-9-]{1,20}") String gene, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return Downstream.relay("genomics-service", genomics.listCases(caller.labScope(), diagnosis, gene, page,
                size));
    }

    @GET
    @Path("cases/{caseId}")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "getCase", summary = "One case")
    public Uni<Response> getCase(@PathParam("caseId") @Pattern(regexp = ID) String caseId) {
        return Downstream.relay("genomics-service", genomics.getCase(caller.labScope(), caseId));
    }

    @PUT
    @Path("cases/{caseId}/context")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "updateCaseContext", summary = "Replace a case's clinical context")
    public Uni<Response> updateContext(@PathParam("caseId") @Pattern(regexp = ID) String caseId,
            @NotNull JsonNode body) {
        return Downstream.relay("genomics-service", genomics.updateContext(caller.labScope(), caseId, body));
    }

    @POST
    @Path("cases/{caseId}/profiles")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.LAB, Caller.ADMIN})
    @Operation(operationId = "submitProfile", summary = "Submit findings as JSON (Idempotency-Key honoured)")
    public Uni<Response> submitProfile(@PathParam("caseId") @Pattern(regexp = ID) String caseId,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String key,
            @NotNull JsonNode body) {
        return Downstream.relay("genomics-service", genomics.submitProfile(caller.labScope(), caseId, key, body));
    }

    @GET
    @Path("cases/{caseId}/profiles")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "listProfiles", summary = "Profile versions of a case")
    public Uni<Response> listProfiles(@PathParam("caseId") @Pattern(regexp = ID) String caseId) {
        return Downstream.relay("genomics-service", genomics.listProfiles(caller.labScope(), caseId));
    }

    @GET
    @Path("cases/{caseId}/profiles/latest")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "getLatestProfile", summary = "The latest profile with its normalized findings: all, or "
            + "with findings=reportable only those a report lists (findingCount counts all)")
    public Uni<Response> latestProfile(@PathParam("caseId") @Pattern(regexp = ID) String caseId,
            @QueryParam("findings") @Pattern(regexp = FINDINGS) String findings) {
        return Downstream.relay("genomics-service", genomics.latestProfile(caller.labScope(), caseId, findings));
    }

    @GET
    @Path("profiles/{id}")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "getProfile", summary = "One profile with its normalized findings: all, or with "
            + "findings=reportable only those a report lists (findingCount counts all). More findings than one answer "
            + "carries (10,000 by default) are refused with 422 naming the paged address")
    public Uni<Response> getProfile(@PathParam("id") @Pattern(regexp = UUID) String id,
            @QueryParam("findings") @Pattern(regexp = FINDINGS) String findings) {
        return Downstream.relay("genomics-service", genomics.getProfile(caller.labScope(), id, findings));
    }

    @GET
    @Path("profiles/{id}/findings")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "getProfileFindings", summary = "A page of a profile's normalized findings, raw input "
            + "beside each (all, or with findings=reportable only those a report lists), with their total")
    public Uni<Response> profileFindings(@PathParam("id") @Pattern(regexp = UUID) String id,
            @QueryParam("findings") @Pattern(regexp = FINDINGS) String findings,
            @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(5000)
            Integer size) {
        return Downstream.relay("genomics-service", genomics.profileFindings(caller.labScope(), id, findings, page,
                size));
    }

    @POST
    @Path("cases/{caseId}/uploads")
    @io.smallrye.common.annotation.Blocking
    @Consumes({"text/vcf", "text/plain", "text/tab-separated-values", "application/gzip", "application/octet-stream"})
    @RolesAllowed({Caller.LAB, Caller.ADMIN})
    @Operation(operationId = "uploadFile", summary = "Upload a VCF, MAF or fusion TSV (plain or gzip)")
    public Uni<Response> upload(@PathParam("caseId") @Pattern(regexp = ID) String caseId,
            @QueryParam("format") @Pattern(regexp = "vcf|maf|fusion-tsv") String format,
            @QueryParam("build") @Pattern(regexp = "GRCh37|GRCh38") String build,
            @QueryParam("sample") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String sample,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String key,
            InputStream body) {
        return Downstream.relay("genomics-service", genomics.upload(caller.labScope(), caseId, format, build, sample,
                key, body));
    }

    @GET
    @Path("jobs/{id}")
    @RolesAllowed({Caller.LAB, Caller.ADMIN})
    @Operation(operationId = "getJob", summary = "State and progress of an intake job")
    public Uni<Response> job(@PathParam("id") @Pattern(regexp = UUID) String id) {
        return Downstream.relay("genomics-service", genomics.getJob(caller.labScope(), id));
    }

    @GET
    @Path("cases/{caseId}/recommendations")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "getRecommendations", summary = "Ranked, explained, cited recommendations of a case")
    public Uni<Response> recommendations(@PathParam("caseId") @Pattern(regexp = ID) String caseId,
            @QueryParam("release") @Pattern(regexp = "[0-9.]{1,20}") String release) {
        return Downstream.relay("therapy-service", therapy.recommendations(caller.labScope(), caseId, release));
    }

    @GET
    @Path("cases/{caseId}/recommendations/history")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "listRecommendationHistory", summary = "Every stored recommendation set of a case, by release")
    public Uni<Response> history(@PathParam("caseId") @Pattern(regexp = ID) String caseId) {
        return Downstream.relay("therapy-service", therapy.history(caller.labScope(), caseId));
    }

    @GET
    @Path("recommendations/changes")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "listRecommendationChanges", summary = "Cases whose recommendations changed since a time")
    public Uni<Response> changes(@QueryParam("since") @NotNull
            @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{5,18}(Z|[+-][0-9]{2}:[0-9]{2})") String since) {
        // The pattern lets through what only looks like a time (month 13, hour 99): refused here, by name.
        QueryParameters.dateTime("since", since);
        return Downstream.relay("therapy-service", therapy.changes(caller.labScope(), since));
    }

    private String labOrDefault() {
        String lab = caller.labScope();
        return lab == null ? "admin" : lab;
    }
}
