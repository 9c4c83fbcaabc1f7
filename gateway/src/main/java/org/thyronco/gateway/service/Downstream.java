package org.thyronco.gateway.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Relays a downstream answer to the client unchanged in status and body (errors stay problem+json), and
 * turns an unreachable service into 503 with Retry-After instead of a hang or a 500.
 */
public final class Downstream {

    private static final Logger LOG = Logger.getLogger(Downstream.class);

    private Downstream() {}

    public static Uni<Response> relay(String service, Uni<Response> call) {
        return call
                // If a client mapper turned a downstream 4xx/5xx into an exception, relay its response instead.
                .onFailure(jakarta.ws.rs.WebApplicationException.class)
                .recoverWithItem(e -> ((jakarta.ws.rs.WebApplicationException) e).getResponse())
                .map(r -> {
            String type = r.getHeaderString(HttpHeaders.CONTENT_TYPE);
            if (r.getStatus() >= 400 && (type == null || !type.startsWith("application/problem+json"))) {
                // A downstream error without a problem body (e.g. a framework-level 400) still reaches the
                // client in the one error shape.
                return problem(r.getStatus(), service);
            }
            Response.ResponseBuilder out = Response.status(r.getStatus());
            if (r.hasEntity()) {
                out.entity(r.readEntity(byte[].class));
            }
            copy(r, out, HttpHeaders.CONTENT_TYPE);
            copy(r, out, "Retry-After");
            copy(r, out, "X-Knowledge-Release");
            String location = r.getHeaderString(HttpHeaders.LOCATION);
            if (location != null) {
                // Downstream locations are internal; the client gets the public /api/v1 address.
                out.header(HttpHeaders.LOCATION, "/api/v1" + java.net.URI.create(location).getPath());
            }
            return out.build();
        }).onFailure(Downstream::unavailable).transform(e -> {
            LOG.warnf("%s unavailable: %s", service, e.toString());
            return HttpProblem.builder().withStatus(503).withTitle("Service Unavailable")
                    .withDetail(service + " is unavailable; retry later").withHeader("Retry-After", 5).build();
        });
    }

    private static Response problem(int status, String service) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return Response.status(status).type("application/problem+json")
                .entity(java.util.Map.of("type", "about:blank", "title", title, "status", status,
                        "detail", service + " refused the request: " + title))
                .build();
    }

    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                    || t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return e instanceof ProcessingException;
    }

    private static void copy(Response from, Response.ResponseBuilder to, String header) {
        String value = from.getHeaderString(header);
        if (value != null) {
            to.header(header, value);
        }
    }
}
