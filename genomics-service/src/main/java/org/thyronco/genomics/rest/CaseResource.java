package org.thyronco.genomics.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.genomics.domain.CaseContext;
import org.thyronco.genomics.normalize.FindingInput;
import org.thyronco.genomics.service.CaseService;
import org.thyronco.genomics.service.ProfileService;
import org.thyronco.genomics.service.Views;

/** Cases and their profiles. {@code X-Lab-Id} (set by the gateway from the caller's token) scopes access. */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Pseudonymous cases, clinical context and molecular profiles")
public class CaseResource {

    /** Pseudonymous case ids only: letters, digits, dot, dash, underscore. */
    public static final String CASE_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public record CaseRequest(
            @NotNull @Pattern(regexp = CASE_ID, message = "a pseudonymous id of 1-64 letters, digits, . _ -")
            String caseId,
            @NotNull @Valid CaseContext.Context context) {}

    public record ProfileRequest(@NotNull @Size(min = 1, max = 5000) List<FindingInput> findings) {}

    @Inject
    CaseService cases;

    @Inject
    ProfileService profiles;

    @POST
    @Operation(operationId = "createCase", summary = "Register a case with its clinical context")
    public Uni<Response> create(@HeaderParam("X-Lab-Id") @DefaultValue("local") String lab,
            @NotNull @Valid CaseRequest request) {
        return cases.create(lab, request.caseId(), request.context()).map(c -> Response
                .status(c.created() ? 201 : 200).location(URI.create("/cases/" + c.value().caseId()))
                .entity(c.value()).build());
    }

    @GET
    @Operation(operationId = "listCases", summary = "Cases, filtered by diagnosis and gene, paged")
    public Uni<Views.CasePage> list(@HeaderParam("X-Lab-Id") String lab, @QueryParam("diagnosis") String diagnosis,
            @QueryParam("gene") String gene, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return cases.list(lab, diagnosis, gene, page, size);
    }

    @GET
    @Path("{caseId}")
    @Operation(operationId = "getCase", summary = "One case")
    public Uni<Views.Case> get(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId) {
        return cases.get(lab, caseId);
    }

    @PUT
    @Path("{caseId}/context")
    @Operation(operationId = "updateCaseContext", summary = "Replace a case's clinical context")
    public Uni<Views.Case> updateContext(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            @NotNull @Valid CaseContext.Context context) {
        return cases.updateContext(lab, caseId, context);
    }

    @POST
    @Path("{caseId}/profiles")
    @Operation(operationId = "submitProfile", summary = "Submit findings as JSON; all normalized or none stored")
    public Uni<Response> submit(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            @HeaderParam("Idempotency-Key") @Size(max = 128) String idempotencyKey,
            @NotNull @Valid ProfileRequest request) {
        return profiles.submit(lab, caseId, idempotencyKey, request.findings()).map(p -> Response
                .status(p.created() ? 201 : 200).location(URI.create("/profiles/" + p.value().id()))
                .entity(p.value()).build());
    }

    @GET
    @Path("{caseId}/profiles")
    @Operation(operationId = "listProfiles", summary = "All profile versions of a case")
    public Uni<List<Views.ProfileSummary>> profiles(@HeaderParam("X-Lab-Id") String lab,
            @PathParam("caseId") String caseId) {
        return profiles.profiles(lab, caseId);
    }

    @GET
    @Path("{caseId}/profiles/latest")
    @Operation(operationId = "getLatestProfile", summary = "The latest profile of a case with its findings (all, or "
            + "with findings=reportable only those a report lists)")
    public Uni<Views.Profile> latest(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            @QueryParam("findings") @DefaultValue("all") @Pattern(regexp = ProfileResource.FINDINGS) String findings) {
        return profiles.latest(lab, caseId, ProfileResource.REPORTABLE.equals(findings));
    }
}
