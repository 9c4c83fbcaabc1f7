package org.thyronco.gateway.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thyronco.gateway.repository.AuditEntryEntity;
import org.thyronco.gateway.security.Caller;

/** The audit trail, for administrators: who read or wrote which case, when, with what outcome. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    /** One audit line. */
    public record AuditEntry(OffsetDateTime occurredAt, String subject, String action, String resource,
            String caseId, int outcome, String correlationId) {}

    @GET
    @RolesAllowed(Caller.ADMIN)
    @WithSession
    @Operation(operationId = "listAudit", summary = "Audit entries of a case (newest first, at most 500)")
    public Uni<List<AuditEntry>> list(@QueryParam("caseId") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String caseId) {
        var query = caseId == null ? AuditEntryEntity.<AuditEntryEntity>find("order by id desc")
                : AuditEntryEntity.<AuditEntryEntity>find("caseId = ?1 order by id desc", caseId);
        return query.range(0, 499).list().map(rows -> rows.stream().map(e -> new AuditEntry(e.occurredAt, e.subject,
                e.action, e.resource, e.caseId, e.outcome, e.correlationId)).toList());
    }
}
