package org.thyronco.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** genomics-service, as the gateway calls it. Retries only on reads; writes are never repeated blindly. */
@org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders(CorrelationHeaders.class)
@RegisterRestClient(configKey = "genomics")
@Consumes(MediaType.APPLICATION_JSON)
// Only outages open the breaker; a 4xx answer is a healthy service saying no.
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = jakarta.ws.rs.WebApplicationException.class)
public interface GenomicsClient {

    @POST
    @Path("/cases")
    Uni<Response> createCase(@HeaderParam("X-Lab-Id") String lab, JsonNode body);

    @GET
    @Path("/cases")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> listCases(@HeaderParam("X-Lab-Id") String lab, @QueryParam("diagnosis") String diagnosis,
            @QueryParam("gene") String gene, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/cases/{caseId}")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> getCase(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId);

    @PUT
    @Path("/cases/{caseId}/context")
    Uni<Response> updateContext(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            JsonNode body);

    @POST
    @Path("/cases/{caseId}/profiles")
    Uni<Response> submitProfile(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            @HeaderParam("Idempotency-Key") String key, JsonNode body);

    @GET
    @Path("/cases/{caseId}/profiles")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> listProfiles(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId);

    @GET
    @Path("/cases/{caseId}/profiles/latest")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> latestProfile(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            @QueryParam("findings") String findings);

    @GET
    @Path("/profiles/{id}")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> getProfile(@HeaderParam("X-Lab-Id") String lab, @PathParam("id") String id,
            @QueryParam("findings") String findings);

    @GET
    @Path("/profiles/{id}/findings")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> profileFindings(@HeaderParam("X-Lab-Id") String lab, @PathParam("id") String id,
            @QueryParam("findings") String findings, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @POST
    @Path("/cases/{caseId}/uploads")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Uni<Response> upload(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            @QueryParam("format") String format, @QueryParam("build") String build,
            @QueryParam("sample") String sample, @HeaderParam("Idempotency-Key") String key, InputStream body);

    @GET
    @Path("/jobs/{id}")
    @Retry(maxRetries = 2, delay = 100, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Uni<Response> getJob(@HeaderParam("X-Lab-Id") String lab, @PathParam("id") String id);

    @POST
    @Path("/normalize")
    Uni<Response> normalize(JsonNode body);

    @POST
    @Path("/normalize/batch")
    Uni<Response> normalizeBatch(JsonNode body);
}
