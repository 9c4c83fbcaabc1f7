package org.thyronco.genomics.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.genomics.normalize.GenomeBuild;
import org.thyronco.genomics.service.IntakeService;

/** File uploads (VCF, MAF, fusion TSV; plain or gzip). */
@Path("/cases/{caseId}/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Uploads", description = "Streamed file intake; large files become jobs")
@Blocking
public class UploadResource {

    @Inject
    IntakeService intake;

    @POST
    @Consumes({"text/vcf", "text/x-vcf", "text/plain", "text/tab-separated-values", "application/gzip",
        "application/x-gzip", "application/octet-stream"})
    @Operation(operationId = "uploadFile", summary = "Upload a VCF, MAF or fusion TSV: 201 with the stored profile's "
            + "summary (its findings at /profiles/{id}/findings), or 202 with a job for large files")
    public Response upload(@HeaderParam("X-Lab-Id") String lab, @PathParam("caseId") String caseId,
            @QueryParam("format") String format, @QueryParam("build") GenomeBuild build,
            @QueryParam("sample") String sample, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Length") Long length, InputStream body) throws Throwable {
        IntakeService.Outcome outcome = intake.upload(lab, caseId, format == null ? "vcf" : format, build, sample,
                idempotencyKey, length, body);
        if (outcome.job() != null) {
            return Response.accepted(outcome.job()).location(URI.create("/jobs/" + outcome.job().id())).build();
        }
        return Response.status(outcome.created() ? 201 : 200)
                .location(URI.create("/profiles/" + outcome.profile().id())).entity(outcome.profile()).build();
    }

}
