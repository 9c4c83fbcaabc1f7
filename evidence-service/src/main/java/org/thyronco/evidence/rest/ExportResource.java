package org.thyronco.evidence.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.evidence.knowledge.Citations;
import org.thyronco.evidence.knowledge.Knowledge;
import org.thyronco.evidence.knowledge.VaSpecStatements;
import org.thyronco.evidence.service.KnowledgeService;

/** Citations as CSL-JSON or BibTeX; evidence as GA4GH VA-Spec-shaped statements. */
@Path("/exports")
@Tag(name = "Evidence")
public class ExportResource {

    @Inject
    KnowledgeService knowledge;

    @GET
    @Path("citations")
    @Produces({"application/vnd.citationstyles.csl+json", "application/x-bibtex", "application/json"})
    @Operation(operationId = "exportCitations", summary = "All sources of a release as CSL-JSON or BibTeX")
    public Uni<Response> citations(@QueryParam("format") @DefaultValue("csl-json") String format,
            @QueryParam("release") String release) {
        if (!List.of("csl-json", "bibtex").contains(format)) {
            throw HttpProblem.builder().withStatus(400).withTitle("Bad Request")
                    .withDetail("format must be csl-json or bibtex")
                    .with("errors", List.of(Map.of("field", "format", "in", "query", "reason",
                            "format must be csl-json or bibtex")))
                    .build();
        }
        return knowledge.sources(release).map(list -> "bibtex".equals(format)
                ? Response.ok(Citations.bibtex(list.sources()), "application/x-bibtex")
                        .header("X-Knowledge-Release", list.release()).build()
                : Response.ok(Citations.cslJson(list.sources()), "application/vnd.citationstyles.csl+json")
                        .header("X-Knowledge-Release", list.release()).build());
    }

    @GET
    @Path("statements")
    @Produces("application/json")
    @Operation(operationId = "exportStatements", summary = "Evidence items as GA4GH VA-Spec-shaped statements")
    public Uni<List<Map<String, Object>>> statements(@QueryParam("release") String release) {
        return knowledge.bundle(release).map(b -> VaSpecStatements.of(b.manifest().version(), b.items(),
                b.sources().stream().collect(Collectors.toMap(Knowledge.Source::id, Function.identity())),
                b.therapies().stream().collect(Collectors.toMap(Knowledge.Therapy::id, Function.identity()))));
    }
}
