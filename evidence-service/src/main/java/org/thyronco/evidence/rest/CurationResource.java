package org.thyronco.evidence.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.evidence.knowledge.Knowledge;
import org.thyronco.evidence.service.CurationService;
import org.thyronco.evidence.service.Views;

/** Curation: draft items, validate, publish the next release (role curator, enforced at the gateway). */
@Path("/curation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Curation", description = "Drafts and releases of the knowledge base")
public class CurationResource {

    /** Publish request: the new version and its change-log lines. */
    public record PublishRequest(
            @NotBlank @Pattern(regexp = "\\d{4}\\.\\d{1,2}\\.\\d{1,3}", message = "version looks like 2026.11.1")
            String version,
            @NotNull List<@NotBlank String> notes) {}

    @Inject
    CurationService curation;

    @Inject
    org.thyronco.evidence.messaging.OutboxRelay relay;

    @GET
    @Path("drafts")
    @Operation(operationId = "listDrafts", summary = "Pending drafts")
    public Uni<List<CurationService.Draft>> drafts() {
        return curation.drafts();
    }

    @PUT
    @Path("drafts/{id}")
    @Operation(operationId = "saveDraft", summary = "Create or change an evidence item as a draft (validated)")
    public Uni<CurationService.Draft> save(@PathParam("id") String id, @NotNull Knowledge.EvidenceItem item) {
        return curation.saveDraft(id, item);
    }

    @POST
    @Path("drafts/{id}/retire")
    @Operation(operationId = "retireItem", summary = "Draft the retirement of a published item")
    public Uni<CurationService.Draft> retire(@PathParam("id") String id) {
        return curation.retire(id);
    }

    @DELETE
    @Path("drafts/{id}")
    @Operation(operationId = "discardDraft", summary = "Discard a draft")
    public Uni<Response> discard(@PathParam("id") String id) {
        return curation.discard(id).map(deleted -> deleted ? Response.noContent().build()
                : Response.status(404).build());
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "validateDrafts", summary = "Validate the release that publishing now would produce")
    public Uni<Views.Validation> validate() {
        return curation.validate();
    }

    @POST
    @Path("releases")
    @Operation(operationId = "publishRelease", summary = "Publish latest release + drafts as a new immutable release")
    public Uni<Response> publish(@Valid @NotNull PublishRequest request) {
        return curation.publish(request.version(), request.notes()).invoke(relay::kick)
                .map(r -> Response.created(URI.create("/releases/" + r.version())).entity(r).build());
    }
}
