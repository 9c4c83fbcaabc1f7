package org.thyronco.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thyronco.infra.EmbeddedInfraResource;
import org.thyronco.infra.InjectIssuer;
import org.thyronco.infra.LocalIssuer;
import org.thyronco.infra.LocalIssuerResource;

/**
 * Every /api route needs a valid bearer token with the right role. The downstream services are not
 * running in this test (they point at a closed port), which is also how the outage behaviour is checked.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LocalIssuerResource.class, restrictToAnnotatedClass = false)
class SecurityTest {

    @InjectIssuer
    LocalIssuer issuer;

    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    String token(String role) {
        return issuer.token("user-" + role, List.of(role), "LAB-A", 600);
    }

    @Test
    void noTokenIs401ProblemJson() {
        given().when().get("/api/v1/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIs401() {
        String expired = issuer.token("late", List.of("lab"), "LAB-A", -3600);
        given().auth().oauth2(expired).when().get("/api/v1/cases").then().statusCode(401);
    }

    @Test
    void tokensAreVerifiedByTheCachingParserAndAForgeryOfAVerifiedTokenIsStill401() {
        // The JWT authentication mechanism resolves the same bean: the verified-token cache is in force.
        org.assertj.core.api.Assertions.assertThat(parser).isInstanceOf(
                org.thyronco.gateway.security.CachingJwtParser.class);
        String t = token("clinician");
        given().auth().oauth2(t).when().get("/api/v1/cases/CASE-1").then().statusCode(503);
        String[] parts = t.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).when().get("/api/v1/cases/CASE-1").then().statusCode(401);
        given().auth().oauth2(t).when().get("/api/v1/cases/CASE-1").then().statusCode(503);
    }

    @Test
    void tamperedSignatureIs401() {
        String t = token("admin");
        String[] parts = t.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).when().get("/api/v1/cases").then().statusCode(401);
    }

    @Test
    void wrongRoleIs403() {
        given().auth().oauth2(token("curator")).contentType(ContentType.JSON).body("{\"caseId\":\"C1\"}")
                .when().post("/api/v1/cases")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("lab")).contentType(ContentType.JSON).body("{\"version\":\"2099.1.1\"}")
                .when().post("/api/v1/curation/releases")
                .then().statusCode(403);
    }

    @Test
    void aDownstreamOutageIs503WithRetryAfterNotAHang() {
        given().auth().oauth2(token("clinician")).when().get("/api/v1/cases/CASE-1")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x' OR '1'='1", "../../etc/passwd", "<script>alert(1)</script>", "a;drop table x",
        "${jndi:ldap://x}", "%00"})
    void injectionStringsInParametersAre400(String hostile) {
        given().auth().oauth2(token("clinician")).queryParam("gene", hostile).when().get("/api/v1/evidence")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("clinician")).queryParam("diagnosis", hostile).when().get("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json");
        // Whole-number parameters too: Jakarta REST would answer a value it cannot convert with a bare 404.
        for (String parameter : List.of("page", "size")) {
            given().auth().oauth2(token("clinician")).queryParam(parameter, hostile).when().get("/api/v1/evidence")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'" + parameter + "'"));
            given().auth().oauth2(token("clinician")).queryParam(parameter, hostile).when().get("/api/v1/cases")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'" + parameter + "'"));
        }
        given().auth().oauth2(token("clinician")).queryParam("page", hostile).when()
                .get("/api/v1/profiles/00000000-0000-0000-0000-000000000001/findings")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-45T09:00:00Z", "2026-02-30T09:00:00Z", "2026-01-31T99:99:99+01:00", "yesterday"})
    void aTimeThatIsNoTimeIs400NamingTheParameter(String since) {
        given().auth().oauth2(token("clinician")).queryParam("since", since).when()
                .get("/api/v1/recommendations/changes")
                .then().statusCode(400).contentType("application/problem+json")
                .body(containsString("since")); // in the detail, or in the violation's field
    }

    @Test
    void healthAndTheOpenApiDocumentStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.jwt", notNullValue());
        given().when().get("/openapi.json").then().statusCode(200).contentType(io.restassured.http.ContentType.JSON)
                .body("paths", notNullValue());
    }

    @Test
    void everyCaseAccessIsAuditedWithWhoWhatAndOutcome() {
        given().auth().oauth2(issuer.token("dr-who", List.of("clinician"), null, 600))
                .header("X-Correlation-Id", "corr-audit-1")
                .when().get("/api/v1/cases/CASE-AUDIT-1")
                .then().header("X-Correlation-Id", "corr-audit-1");
        given().auth().oauth2(token("admin")).queryParam("caseId", "CASE-AUDIT-1").when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("[0].subject", equalTo("dr-who"))
                .body("[0].action", equalTo("GET"))
                .body("[0].outcome", equalTo(503))
                .body("[0].correlationId", equalTo("corr-audit-1"));
        given().auth().oauth2(token("clinician")).when().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void aCorrelationIdIsGeneratedWhenAbsentAndReturnedOnErrors() {
        given().when().get("/api/v1/cases").then().statusCode(401)
                .header("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void securityHeadersAreSet() {
        given().when().get("/q/health/live").then()
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY");
    }
}
