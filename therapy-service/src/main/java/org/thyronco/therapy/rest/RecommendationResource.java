package org.thyronco.therapy.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.therapy.service.RecommendationService;

/** Stored recommendation sets, current and past. {@code X-Lab-Id} (set by the gateway) scopes access. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Ranked, explained, cited therapy options per case")
public class RecommendationResource {

    @Inject
    RecommendationService recommendations;

    @GET
    @Path("cases/{caseId}/recommendations")
    @Operation(operationId = "getRecommendations", summary = "The current recommendation set of a case, or the one "
            + "issued against a given knowledge release")
    public Uni<RecommendationService.StoredSet> current(@HeaderParam("X-Lab-Id") String lab,
            @PathParam("caseId") String caseId, @QueryParam("release") String release) {
        return recommendations.current(lab, caseId, release);
    }

    @GET
    @Path("cases/{caseId}/recommendations/history")
    @Operation(operationId = "listRecommendationHistory", summary = "Every set issued for a case, newest first")
    public Uni<List<RecommendationService.StoredSet>> history(@HeaderParam("X-Lab-Id") String lab,
            @PathParam("caseId") String caseId) {
        return recommendations.history(lab, caseId);
    }

    @GET
    @Path("recommendations/changes")
    @Operation(operationId = "listRecommendationChanges", summary = "Sets issued since a time (ISO-8601)")
    public Uni<List<RecommendationService.StoredSet>> changes(@HeaderParam("X-Lab-Id") String lab,
            @QueryParam("since") @NotNull OffsetDateTime since) {
        return recommendations.changedSince(lab, since);
    }
}
