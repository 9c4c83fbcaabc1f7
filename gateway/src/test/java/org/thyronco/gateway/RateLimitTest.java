package org.thyronco.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfraResource;
import org.thyronco.infra.InjectIssuer;
import org.thyronco.infra.LocalIssuer;
import org.thyronco.infra.LocalIssuerResource;

/** A client over its budget gets 429 with Retry-After; another client is unaffected. */
@QuarkusTest
@TestProfile(RateLimitTest.TightBudget.class)
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalIssuerResource.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    /** Three requests, then one every ten seconds. */
    public static class TightBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thyronco.gateway.rate-limit.burst", "3", "thyronco.gateway.rate-limit.per-second", "0.1");
        }
    }

    @InjectIssuer
    LocalIssuer issuer;

    @Test
    void aClientOverItsBudgetIsToldWhenToRetry() {
        String greedy = issuer.token("greedy", List.of("clinician"), null, 600);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(greedy).get("/api/v1/releases").then().statusCode(503);
        }
        given().auth().oauth2(greedy).get("/api/v1/releases").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        String other = issuer.token("modest", List.of("clinician"), null, 600);
        given().auth().oauth2(other).get("/api/v1/releases").then().statusCode(503);
    }
}
