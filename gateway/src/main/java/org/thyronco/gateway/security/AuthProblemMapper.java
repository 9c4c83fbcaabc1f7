package org.thyronco.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 as problem+json with a Bearer challenge. (quarkus-resteasy-problem 3.21's own 401 mapper fails on
 * Quarkus 3.34 with NoSuchFieldError, so this one takes precedence.)
 */
public class AuthProblemMapper {

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response unauthorized(UnauthorizedException e) {
        return problem();
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem();
    }

    private static Response problem() {
        return Response.status(401).type("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"thyronco\"")
                .entity(Map.of("type", "about:blank", "title", "Unauthorized", "status", 401,
                        "detail", "a valid bearer token is required"))
                .build();
    }
}
