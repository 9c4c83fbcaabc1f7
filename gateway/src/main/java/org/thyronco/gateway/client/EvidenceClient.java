package org.thyronco.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
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
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** evidence-service, as the gateway calls it. */
@org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders(CorrelationHeaders.class)
@RegisterRestClient(configKey = "evidence")
@Consumes(MediaType.APPLICATION_JSON)
// Only outages open the breaker; a 4xx answer is a healthy service saying no.
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = jakarta.ws.rs.WebApplicationException.class)
public interface EvidenceClient {

    @GET
    @Path("/evidence")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> search(@QueryParam("release") String release, @QueryParam("gene") String gene,
            @QueryParam("variant") String variant, @QueryParam("disease") String disease,
            @QueryParam("therapy") String therapy, @QueryParam("level") String level,
            @QueryParam("significance") String significance, @QueryParam("q") String q,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/evidence/{id}")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> item(@PathParam("id") String id, @QueryParam("release") String release);

    @GET
    @Path("/sources/{id}")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> source(@PathParam("id") String id, @QueryParam("release") String release);

    @GET
    @Path("/therapies/{id}")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> therapy(@PathParam("id") String id, @QueryParam("release") String release);

    @GET
    @Path("/releases")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> releases();

    @PUT
    @Path("/curation/drafts/{id}")
    Uni<Response> saveDraft(@PathParam("id") String id, JsonNode item);

    @POST
    @Path("/curation/releases")
    Uni<Response> publish(JsonNode request);

    @GET
    @Path("/sources")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> sources(@QueryParam("release") String release);

    @GET
    @Path("/therapies")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> therapies(@QueryParam("release") String release);

    @GET
    @Path("/releases/{version}")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> release(@PathParam("version") String version);

    @GET
    @Path("/exports/citations")
    @Produces({"application/vnd.citationstyles.csl+json", "application/x-bibtex", "application/json"})
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> citations(@QueryParam("format") String format, @QueryParam("release") String release);

    @GET
    @Path("/exports/statements")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> statements(@QueryParam("release") String release);

    @GET
    @Path("/curation/drafts")
    Uni<Response> drafts();

    @POST
    @Path("/curation/drafts/{id}/retire")
    Uni<Response> retire(@PathParam("id") String id);

    @DELETE
    @Path("/curation/drafts/{id}")
    Uni<Response> discard(@PathParam("id") String id);

    @POST
    @Path("/curation/validate")
    Uni<Response> validate();
}
