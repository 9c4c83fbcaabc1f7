package org.thyronco.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** therapy-service, as the gateway calls it. Matching is a pure function, so it may be retried. */
@org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders(CorrelationHeaders.class)
@RegisterRestClient(configKey = "therapy")
@Consumes(MediaType.APPLICATION_JSON)
// Only outages open the breaker; a 4xx answer is a healthy service saying no.
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = jakarta.ws.rs.WebApplicationException.class)
public interface TherapyClient {

    @GET
    @Path("/cases/{caseId}/recommendations")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> recommendations(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            @QueryParam("release") String release);

    @POST
    @Path("/match")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> match(JsonNode request);

    @GET
    @Path("/cases/{caseId}/recommendations/history")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> history(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId);

    @GET
    @Path("/recommendations/changes")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> changes(@HeaderParam("X-Lab-Id") String lab, @QueryParam("since") String since);

    @POST
    @Path("/match/batch")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> matchBatch(JsonNode requests);
}
