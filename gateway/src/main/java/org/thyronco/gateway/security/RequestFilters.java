package org.thyronco.gateway.security;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.thyronco.gateway.repository.AuditEntryEntity;

/**
 * Cross-cutting request handling: a correlation id on every request (returned, logged, sent downstream),
 * per-client rate limiting (429 + Retry-After), and the audit trail of every case access.
 */
public class RequestFilters {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Logger LOG = Logger.getLogger(RequestFilters.class);
    private static final Pattern CASE_PATH = Pattern.compile("^/api/v1/cases/([^/]+)");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    io.vertx.core.Vertx vertx;

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Response correlate(ContainerRequestContext request, HttpServerRequest http) {
        String id = request.getHeaderString(CORRELATION_HEADER);
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        request.getHeaders().putSingle(CORRELATION_HEADER, id);
        request.setProperty(CORRELATION_HEADER, id);
        MDC.put("correlationId", id);
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String client = clientKey(request, http);
        long retryAfter = limiter.tryAcquire(client);
        if (retryAfter > 0) {
            return Response.status(429).type("application/problem+json").header("Retry-After", retryAfter)
                    .entity(Map.of("type", "about:blank", "title", "Too Many Requests", "status", 429,
                            "detail", "rate limit exceeded; retry after " + retryAfter + " s"))
                    .build();
        }
        return null;
    }

    @ServerResponseFilter
    public Uni<Void> auditAndTag(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(CORRELATION_HEADER);
        if (id != null) {
            response.getHeaders().putSingle(CORRELATION_HEADER, id);
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/v1/cases") && !path.startsWith("/api/v1/profiles")
                && !path.startsWith("/api/v1/jobs") && !path.startsWith("/api/v1/recommendations")) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().onFailure().recoverWithNull().chain(who -> {
            AuditEntryEntity e = new AuditEntryEntity();
            e.occurredAt = OffsetDateTime.now();
            e.subject = who == null || who.isAnonymous() ? "anonymous" : who.getPrincipal().getName();
            e.action = request.getMethod();
            e.resource = path.length() > 300 ? path.substring(0, 300) : path;
            Matcher m = CASE_PATH.matcher(path);
            e.caseId = m.find() && SAFE_ID.matcher(m.group(1)).matches() ? m.group(1) : null;
            e.outcome = response.getStatus();
            e.correlationId = id == null ? null : id.toString();
            // Blocking endpoints (uploads) finish on a worker thread; Hibernate Reactive needs the event loop.
            io.vertx.core.Context context = io.smallrye.common.vertx.VertxContext.getOrCreateDuplicatedContext(vertx);
            return Uni.createFrom().voidItem().emitOn(r -> context.runOnContext(v -> r.run()))
                    .chain(() -> Panache.withTransaction(e::persist)).replaceWithVoid();
        }).onFailure().invoke(err -> LOG.errorf("audit write failed: %s", err.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static String clientKey(ContainerRequestContext request, HttpServerRequest http) {
        String auth = request.getHeaderString("Authorization");
        if (auth != null && auth.length() > 20) {
            // The token's hash identifies the client without parsing it a second time.
            return "t:" + Integer.toHexString(auth.hashCode());
        }
        return "a:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().host());
    }
}
