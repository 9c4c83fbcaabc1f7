package org.thyronco.genomics.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.genomics.service.IntakeService;
import org.thyronco.genomics.service.Views;

/** Intake jobs created by large uploads. */
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Uploads")
@Blocking
public class JobResource {

    @Inject
    IntakeService intake;

    @GET
    @Path("{id}")
    @Operation(operationId = "getJob", summary = "State and progress of an intake job")
    public Views.Job job(@HeaderParam("X-Lab-Id") String lab, @PathParam("id") UUID id) throws Throwable {
        return intake.job(lab, id);
    }
}
