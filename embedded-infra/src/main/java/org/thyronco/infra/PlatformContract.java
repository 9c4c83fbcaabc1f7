package org.thyronco.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service promises operators and API clients: readiness that covers PostgreSQL and Kafka, a
 * served OpenAPI document, Prometheus metrics, and RFC 9457 problem+json for errors. Each service runs
 * it with {@code @QuarkusTest} against the real embedded infrastructure.
 */
public abstract class PlatformContract {

    @Test
    void readinessCoversDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."));
    }

    @Test
    void exportsPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownRouteIsProblemJson() {
        given().when().get("/no/such/route")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }
}
