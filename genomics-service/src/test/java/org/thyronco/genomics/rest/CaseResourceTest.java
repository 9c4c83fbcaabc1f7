package org.thyronco.genomics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfraResource;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class CaseResourceTest {

    @Test
    void aCaseIsCreatedOnceAndRepeatingTheSameRequestIsHarmless() {
        String id = "CASE-C1-" + System.nanoTime();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON).body(Fixtures.anaplasticCase(id))
                .when().post("/cases")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/cases/" + id))
                .body("context.diagnosis", equalTo("THAP"));
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON).body(Fixtures.anaplasticCase(id))
                .when().post("/cases").then().statusCode(200);
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Map.of("caseId", id, "context", Map.of("diagnosis", "THPA")))
                .when().post("/cases").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anInvalidContextNamesEachBadField() {
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON)
                .body(Map.of("caseId", "CASE-BAD-1", "context", Map.of("diagnosis", "LUAD", "ecog", 9)))
                .when().post("/cases")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("/context/diagnosis"))
                .body("errors.field", hasItem("/context/ecog"));
        given().header("X-Lab-Id", "LAB-1").get("/cases/CASE-BAD-1").then().statusCode(404);
    }

    @Test
    void brokenJsonAndWrongTypesAre400NotServerErrors() {
        given().contentType(ContentType.JSON).body("{\"caseId\": \"X\", \"context\": ").when().post("/cases")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"caseId\": \"X\", \"context\": {\"ecog\": \"high\"}}")
                .when().post("/cases").then().statusCode(400).contentType("application/problem+json");
        // A page that is not a whole number: named, not a bare 404 (Jakarta REST's default).
        given().header("X-Lab-Id", "LAB-1").queryParam("page", "x' OR '1'='1").when().get("/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'page'"));
    }

    @Test
    void aNameLikeIdIsRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of("caseId", "Jane Doe 1970-01-01", "context", Map.of("diagnosis", "THAP")))
                .when().post("/cases").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anotherLabsCaseIsNotFound() {
        String id = "CASE-C2-" + System.nanoTime();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON).body(Fixtures.anaplasticCase(id))
                .when().post("/cases").then().statusCode(201);
        given().header("X-Lab-Id", "LAB-2").get("/cases/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Lab-Id", "LAB-1").get("/cases/" + id).then().statusCode(200);
    }

    @Test
    void casesFilterByDiagnosisAndGene() {
        String id = "CASE-C3-" + System.nanoTime();
        given().header("X-Lab-Id", "LAB-F").contentType(ContentType.JSON).body(Fixtures.anaplasticCase(id))
                .when().post("/cases").then().statusCode(201);
        given().header("X-Lab-Id", "LAB-F").contentType(ContentType.JSON)
                .body(Fixtures.profile(Fixtures.variant("BRAF", "V600E")))
                .when().post("/cases/{id}/profiles", id).then().statusCode(201);
        given().header("X-Lab-Id", "LAB-F").queryParam("gene", "BRAF").queryParam("diagnosis", "THAP")
                .get("/cases").then().statusCode(200).body("items.caseId", hasItem(id));
        given().header("X-Lab-Id", "LAB-F").queryParam("gene", "RET").get("/cases").then().statusCode(200)
                .body("items.caseId", org.hamcrest.Matchers.not(hasItem(id)));
    }
}
