package org.thyronco.genomics.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.genomics.service.ProfileService;
import org.thyronco.genomics.service.Views;

/** Profiles by id. */
@Path("/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class ProfileResource {

    @Inject
    ProfileService profiles;

    @GET
    @Path("{id}")
    @Operation(operationId = "getProfile", summary = "One profile with its normalized findings: all of them, or with "
            + "findings=reportable only those a report lists (findingCount counts all). More findings than one answer "
            + "carries (10,000 by default) are refused with 422 naming the paged address")
    public Uni<Views.Profile> get(@HeaderParam("X-Lab-Id") String lab, @PathParam("id") UUID id,
            @QueryParam("findings") @DefaultValue("all") @Pattern(regexp = FINDINGS) String findings) {
        return profiles.profile(lab, id, REPORTABLE.equals(findings));
    }

    @GET
    @Path("{id}/findings")
    @Operation(operationId = "getProfileFindings", summary = "A page of a profile's normalized findings, raw input "
            + "beside each (all, or with findings=reportable only those a report lists), with their total")
    public Uni<Views.FindingPage> findings(@HeaderParam("X-Lab-Id") String lab, @PathParam("id") UUID id,
            @QueryParam("findings") @DefaultValue("all") @Pattern(regexp = FINDINGS) String findings,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(ProfileService.MAX_PAGE_SIZE) int size) {
        return profiles.findings(lab, id, REPORTABLE.equals(findings), page, size);
    }

    /** Which findings a profile is read with: all, or those a report lists (every finding at a gene, every non-SNV). */
    static final String FINDINGS = "all|reportable";

    static final String REPORTABLE = "reportable";
}
