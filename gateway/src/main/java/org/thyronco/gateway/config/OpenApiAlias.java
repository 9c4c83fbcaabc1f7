package org.thyronco.gateway.config;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Serves the OpenAPI document at /openapi.json too, where SDK tooling conventionally looks for it. */
@ApplicationScoped
public class OpenApiAlias {

    void route(@Observes Router router) {
        router.get("/openapi.json").handler(rc -> rc.reroute("/q/openapi?format=json"));
    }
}
