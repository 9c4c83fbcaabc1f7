package org.thyronco.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.thyronco.gateway.client.EvidenceClient;
import org.thyronco.gateway.client.GenomicsClient;
import org.thyronco.gateway.client.TherapyClient;
import org.thyronco.gateway.security.Caller;
import org.thyronco.gateway.service.Downstream;

/** Evidence, sources, therapies, releases, curation, normalization and the stateless match. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class KnowledgeGatewayResource {

    private static final String RELEASE = "[0-9]{4}\\.[0-9]{1,2}\\.[0-9]{1,3}";
    private static final String ITEM_ID = "[A-Za-z0-9._+-]{1,100}";

    @Inject
    @RestClient
    EvidenceClient evidence;

    @Inject
    @RestClient
    GenomicsClient genomics;

    @Inject
    @RestClient
    TherapyClient therapy;

    @GET
    @Path("evidence")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "searchEvidence", summary = "Search the knowledge base (pin a release with release=)")
    public Uni<Response> search(@QueryParam("release") @Pattern(regexp = RELEASE) String release,
            @QueryParam("gene") @Pattern(regexp = "[A-Za-z0-9-]{1,20}") String gene,
            @QueryParam("variant") @Pattern(regexp = "[A-Za-z0-9_.:()*=>-]{1,60}") String variant,
            @QueryParam("disease") @Pattern(regexp = "[A-Z]{2,10}") String disease,
            @QueryParam("therapy") @Pattern(regexp = ITEM_ID) String therapyId,
            @QueryParam("level") @Pattern(regexp = "1|2|3A|3B|4|R1|R2|standard") String level,
            @QueryParam("significance") @Pattern(regexp = "[a-z-]{1,30}") String significance,
            @QueryParam("q") @jakarta.validation.constraints.Size(max = 200) String q,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Downstream.relay("evidence-service", evidence.search(release, gene, variant, disease, therapyId, level,
                significance, q, page, size));
    }

    @GET
    @Path("evidence/{id}")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "getEvidence", summary = "One evidence item with its sources")
    public Uni<Response> item(@PathParam("id") @Pattern(regexp = ITEM_ID) String id,
            @QueryParam("release") @Pattern(regexp = RELEASE) String release) {
        return Downstream.relay("evidence-service", evidence.item(id, release));
    }

    @GET
    @Path("sources/{id}")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "getSource", summary = "One source by id")
    public Uni<Response> source(@PathParam("id") @Pattern(regexp = ITEM_ID) String id,
            @QueryParam("release") @Pattern(regexp = RELEASE) String release) {
        return Downstream.relay("evidence-service", evidence.source(id, release));
    }

    @GET
    @Path("therapies/{id}")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "getTherapy", summary = "One therapy with all its evidence")
    public Uni<Response> therapy(@PathParam("id") @Pattern(regexp = ITEM_ID) String id,
            @QueryParam("release") @Pattern(regexp = RELEASE) String release) {
        return Downstream.relay("evidence-service", evidence.therapy(id, release));
    }

    @GET
    @Path("releases")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "listReleases", summary = "Knowledge releases and their diffs")
    public Uni<Response> releases() {
        return Downstream.relay("evidence-service", evidence.releases());
    }

    @GET
    @Path("sources")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "listSources", summary = "Every source of a release (default latest)")
    public Uni<Response> sources(@QueryParam("release") @Pattern(regexp = RELEASE) String release) {
        return Downstream.relay("evidence-service", evidence.sources(release));
    }

    @GET
    @Path("therapies")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "listTherapies", summary = "Every therapy of a release (default latest)")
    public Uni<Response> therapies(@QueryParam("release") @Pattern(regexp = RELEASE) String release) {
        return Downstream.relay("evidence-service", evidence.therapies(release));
    }

    @GET
    @Path("releases/{version}")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "getRelease", summary = "One knowledge release with its notes and diff")
    public Uni<Response> release(@PathParam("version") @Pattern(regexp = RELEASE + "|latest") String version) {
        return Downstream.relay("evidence-service", evidence.release(version));
    }

    @GET
    @Path("exports/citations")
    @Produces({"application/vnd.citationstyles.csl+json", "application/x-bibtex", MediaType.APPLICATION_JSON})
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "exportCitations", summary = "Every source of a release as CSL-JSON or BibTeX")
    public Uni<Response> citations(@QueryParam("format") @Pattern(regexp = "csl-json|bibtex") String format,
            @QueryParam("release") @Pattern(regexp = RELEASE) String release) {
        return Downstream.relay("evidence-service", evidence.citations(format, release));
    }

    @GET
    @Path("exports/statements")
    @Tag(name = "Evidence")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "exportStatements", summary = "Evidence of a release as GA4GH VA-Spec-shaped statements")
    public Uni<Response> statements(@QueryParam("release") @Pattern(regexp = RELEASE) String release) {
        return Downstream.relay("evidence-service", evidence.statements(release));
    }

    @GET
    @Path("curation/drafts")
    @Tag(name = "Curation")
    @RolesAllowed({Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "listDrafts", summary = "Pending drafts (new, changed or retired items)")
    public Uni<Response> drafts() {
        return Downstream.relay("evidence-service", evidence.drafts());
    }

    @POST
    @Path("curation/drafts/{id}/retire")
    @Tag(name = "Curation")
    @RolesAllowed({Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "retireItem", summary = "Draft the retirement of a published item")
    public Uni<Response> retire(@PathParam("id") @Pattern(regexp = ITEM_ID) String id) {
        return Downstream.relay("evidence-service", evidence.retire(id));
    }

    @DELETE
    @Path("curation/drafts/{id}")
    @Tag(name = "Curation")
    @RolesAllowed({Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "discardDraft", summary = "Discard a draft")
    public Uni<Response> discard(@PathParam("id") @Pattern(regexp = ITEM_ID) String id) {
        return Downstream.relay("evidence-service", evidence.discard(id));
    }

    @POST
    @Path("curation/validate")
    @Tag(name = "Curation")
    @RolesAllowed({Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "validateDrafts", summary = "Validate the release that publishing now would produce")
    public Uni<Response> validate() {
        return Downstream.relay("evidence-service", evidence.validate());
    }

    @PUT
    @Path("curation/drafts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Curation")
    @RolesAllowed({Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "saveDraft", summary = "Draft a new or changed evidence item (validated)")
    public Uni<Response> saveDraft(@PathParam("id") @Pattern(regexp = ITEM_ID) String id, @NotNull JsonNode item) {
        return Downstream.relay("evidence-service", evidence.saveDraft(id, item));
    }

    @POST
    @Path("curation/releases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Curation")
    @RolesAllowed({Caller.CURATOR, Caller.ADMIN})
    @Operation(operationId = "publishRelease", summary = "Publish the drafts as a new immutable release")
    public Uni<Response> publish(@NotNull JsonNode request) {
        return Downstream.relay("evidence-service", evidence.publish(request));
    }

    @POST
    @Path("normalize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Normalization")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "normalizeFinding", summary = "Normalize one finding (stateless)")
    public Uni<Response> normalize(@NotNull JsonNode finding) {
        return Downstream.relay("genomics-service", genomics.normalize(finding));
    }

    @POST
    @Path("normalize/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Normalization")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "normalizeBatch", summary = "Normalize a list of findings; results in order")
    public Uni<Response> normalizeBatch(@NotNull JsonNode findings) {
        return Downstream.relay("genomics-service", genomics.normalizeBatch(findings));
    }

    @POST
    @Path("match")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Matching")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "matchProfile", summary = "Stateless match of normalized findings + context")
    public Uni<Response> match(@NotNull JsonNode request) {
        return Downstream.relay("therapy-service", therapy.match(request));
    }

    @POST
    @Path("match/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Matching")
    @RolesAllowed({Caller.LAB, Caller.CLINICIAN, Caller.ADMIN})
    @Operation(operationId = "matchBatch", summary = "Stateless match of a list of profiles; results in the same order")
    public Uni<Response> matchBatch(@NotNull JsonNode requests) {
        return Downstream.relay("therapy-service", therapy.matchBatch(requests));
    }
}
