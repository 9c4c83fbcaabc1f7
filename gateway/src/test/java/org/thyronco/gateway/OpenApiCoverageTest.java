package org.thyronco.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.thyronco.gateway.rest.AuditResource;
import org.thyronco.gateway.rest.CaseGatewayResource;
import org.thyronco.gateway.rest.KnowledgeGatewayResource;
import org.thyronco.gateway.rest.ReportResource;
import org.thyronco.infra.EmbeddedInfraResource;
import org.thyronco.infra.LocalIssuerResource;

/** Every route the gateway serves is in its OpenAPI document with an operationId, and nothing else is. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalIssuerResource.class, restrictToAnnotatedClass = false)
class OpenApiCoverageTest {

    @Test
    void servedRoutesAndDocumentedOperationsAreTheSame() {
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : new Class<?>[] {CaseGatewayResource.class, KnowledgeGatewayResource.class,
            AuditResource.class, ReportResource.class}) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                        : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(DELETE.class) ? "delete"
                        : null;
                if (verb != null) {
                    Path p = m.getAnnotation(Path.class);
                    served.add(verb + " " + base + (p == null ? "" : "/" + p.value()).replaceAll(":[^}]+}", "}"));
                }
            }
        }
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, ops) -> ops.forEach((verb, op) -> {
            if (path.startsWith("/api/")) {
                documented.add(verb + " " + path);
                assertThat(op.get("operationId")).as(verb + " " + path).isNotNull();
            }
        }));
        assertThat(documented).isEqualTo(served);
    }
}
