package org.thyronco.evidence.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.evidence.service.KnowledgeService;
import org.thyronco.evidence.service.Views;

/** Evidence lookup against the latest release or a pinned one ({@code release=}). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Versioned, cited thyroid-cancer knowledge")
public class EvidenceResource {

    @Inject
    KnowledgeService knowledge;

    @GET
    @Path("evidence")
    @Operation(operationId = "searchEvidence", summary = "Search evidence by gene, variant, disease, therapy, level, "
            + "significance or free text; sorted by level")
    public Uni<Views.EvidencePage> search(
            @Parameter(description = "Pin a release; default latest") @QueryParam("release") String release,
            @Parameter(description = "HGNC symbol, e.g. BRAF") @QueryParam("gene") String gene,
            @Parameter(description = "Protein change in any spelling: V600E, p.V600E, p.Val600Glu")
            @QueryParam("variant") String variant,
            @Parameter(description = "OncoTree code; ancestors and tumour-agnostic evidence are included")
            @QueryParam("disease") String disease,
            @QueryParam("therapy") String therapy,
            @QueryParam("level") String level,
            @QueryParam("significance") String significance,
            @Parameter(description = "Full-text query (PostgreSQL websearch syntax)") @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return knowledge.search(new Views.EvidenceQuery(release, gene, variant, disease, therapy, level, significance,
                text, page, size));
    }

    @GET
    @Path("evidence/{id}")
    @Operation(operationId = "getEvidence", summary = "One evidence item with its sources")
    public Uni<Views.Evidence> item(@PathParam("id") String id, @QueryParam("release") String release) {
        return knowledge.item(id, release);
    }

    @GET
    @Path("sources")
    @Operation(operationId = "listSources", summary = "Every source of a release")
    public Uni<Views.SourceList> sources(@QueryParam("release") String release) {
        return knowledge.sources(release);
    }

    @GET
    @Path("sources/{idOrDoi: .+}")
    @Operation(operationId = "getSource", summary = "One source by id (S12) or DOI (10.1200/JCO.2017.73.6785)")
    public Uni<Views.Source> source(@PathParam("idOrDoi") String idOrDoi, @QueryParam("release") String release) {
        return knowledge.source(idOrDoi, release);
    }

    @GET
    @Path("therapies")
    @Operation(operationId = "listTherapies", summary = "Every therapy of a release")
    public Uni<Views.TherapyList> therapies(@QueryParam("release") String release) {
        return knowledge.therapies(release);
    }

    @GET
    @Path("therapies/{id}")
    @Operation(operationId = "getTherapy", summary = "One therapy with all its evidence")
    public Uni<Views.Therapy> therapy(@PathParam("id") String id, @QueryParam("release") String release) {
        return knowledge.therapy(id, release);
    }

    @GET
    @Path("releases")
    @Operation(operationId = "listReleases", summary = "Published releases, newest first, with their diffs")
    public Uni<List<Views.Release>> releases() {
        return knowledge.releases();
    }

    @GET
    @Path("releases/{version}")
    @Operation(operationId = "getRelease", summary = "One release and its diff; 'latest' for the newest")
    public Uni<Views.Release> release(@PathParam("version") String version) {
        return knowledge.release("latest".equals(version) ? null : version);
    }
}
