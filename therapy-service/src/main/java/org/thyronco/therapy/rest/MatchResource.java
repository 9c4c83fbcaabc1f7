package org.thyronco.therapy.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.therapy.config.TherapyConfig;
import org.thyronco.therapy.engine.Profile;

import org.thyronco.therapy.engine.Result;
import org.thyronco.therapy.service.RecommendationService;

/** Synchronous, stateless matching: normalized findings + context in, ranked recommendations out. */
@Path("/match")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matching", description = "Stateless profile-level matching")
public class MatchResource {

    /** One profile to match. */
    public record MatchRequest(@NotNull Profile.Context context, @NotNull @Size(max = 5000) List<Profile.@NotNull Finding> findings) {}

    /** How the padded anchor's answer starts; the rest is 'x' up to its closing quote and brace. */
    private static final byte[] PADDED_HEAD = "{\"status\":\"ok\",\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int PADDED_MIN = 30;
    private static final int PADDED_MAX = 1 << 20;

    @Inject
    RecommendationService recommendations;

    @Inject
    TherapyConfig config;

    // In-memory CPU work of a millisecond or less, no I/O: served on the event loop rather than handed to a worker.
    @POST
    @NonBlocking
    @Operation(operationId = "matchProfile", summary = "Match one profile; nothing is stored")
    public Result.RecommendationSet match(@NotNull @Valid MatchRequest request) {
        return recommendations.matchNow(request.context(), request.findings());
    }

    // Up to maxBatch profiles: long enough to keep off the event loop.
    @POST
    @Path("batch")
    @Operation(operationId = "matchBatch", summary = "Match a list of profiles; results in the same order")
    public List<Result.RecommendationSet> batch(@NotNull List<@NotNull @Valid MatchRequest> requests) {
        if (requests.size() > config.match().maxBatch()) {
            throw HttpProblem.builder().withStatus(413).withTitle("Payload Too Large")
                    .withDetail("at most " + config.match().maxBatch() + " profiles per batch").build();
        }
        return requests.stream().map(r -> recommendations.matchNow(r.context(), r.findings())).toList();
    }

    @GET
    @NonBlocking
    @Path("ping")
    @Operation(operationId = "matchPing", summary = "Trivial endpoint (benchmark anchor)")
    public Map<String, String> ping() {
        return Map.of("status", "ok");
    }

    /**
     * The trivial endpoint with an answer of {@code bytes} bytes: a second benchmark anchor, which tells what carrying
     * an answer as large as a match's costs (the HTTP layer, the kernel, the client) from what matching costs.
     */
    @GET
    @NonBlocking
    @Path("ping/padded")
    @Operation(operationId = "matchPingPadded", summary = "Trivial endpoint with an answer of the given size (benchmark "
            + "anchor)")
    public byte[] padded(@QueryParam("bytes") @NotNull @Min(PADDED_MIN) @Max(PADDED_MAX) Integer size) {
        byte[] answer = new byte[size];
        Arrays.fill(answer, (byte) 'x');
        System.arraycopy(PADDED_HEAD, 0, answer, 0, PADDED_HEAD.length);
        answer[size - 2] = '"';
        answer[size - 1] = '}';
        return answer;
    }
}
