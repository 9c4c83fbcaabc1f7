package org.thyronco.genomics.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.genomics.normalize.FindingInput;
import org.thyronco.genomics.normalize.FindingNormalizer;
import org.thyronco.genomics.normalize.NormalizationResult;
import org.thyronco.genomics.service.Problems;

/** Stateless normalization for clients: nothing is stored. */
@Path("/normalize")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Normalization", description = "Canonical forms of variants, fusions and signatures")
public class NormalizeResource {

    private final FindingNormalizer normalizer = new FindingNormalizer();

    @POST
    @Operation(operationId = "normalizeFinding", summary = "Normalize one finding; 422 names every bad field")
    public NormalizationResult one(@NotNull FindingInput input) {
        NormalizationResult result = normalizer.normalize(input);
        if (!result.ok()) {
            throw Problems.unprocessable("the finding could not be normalized", result.errors());
        }
        return result;
    }

    @POST
    @Path("batch")
    @Operation(operationId = "normalizeBatch", summary = "Normalize a list; results in the same order, each with "
            + "its finding or its errors")
    public List<NormalizationResult> batch(@NotNull @Size(min = 1, max = 1000) List<@NotNull FindingInput> inputs) {
        return inputs.stream().map(normalizer::normalize).toList();
    }
}
