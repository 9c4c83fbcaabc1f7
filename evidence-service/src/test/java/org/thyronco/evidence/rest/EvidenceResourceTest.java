package org.thyronco.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfraResource;

/** Evidence lookup over the release published from the bundled files, on real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class EvidenceResourceTest {

    @Test
    void brafV600eInAnaplasticFindsDabrafenibTrametinibFirstWithRoarCitations() {
        String itemId = given().queryParam("gene", "BRAF").queryParam("variant", "p.Val600Glu")
                .queryParam("disease", "THAP").queryParam("significance", "sensitivity")
                .when().get("/evidence")
                .then().statusCode(200)
                .body("release", notNullValue())
                .body("items[0].level", equalTo("1"))
                .body("items.therapy", hasItem("dabrafenib+trametinib"))
                .extract().path("items.find { it.therapy == 'dabrafenib+trametinib' && it.level == '1' "
                        + "&& it.diseases.contains('THAP') && it.setting?.neoadjuvant != true }.id");
        given().when().get("/evidence/" + itemId)
                .then().statusCode(200)
                .body("sources.doi", hasItems("10.1200/JCO.2017.73.6785", "10.1016/j.annonc.2021.12.014"));
    }

    @Test
    void anyAcceptedSpellingGivesTheSameAnswer() {
        String a = given().queryParam("gene", "BRAF").queryParam("variant", "V600E").get("/evidence").asString();
        String b = given().queryParam("gene", "BRAF").queryParam("variant", "p.V600E").get("/evidence").asString();
        String c = given().queryParam("gene", "BRAF").queryParam("variant", "p.(Val600Glu)").get("/evidence")
                .asString();
        org.assertj.core.api.Assertions.assertThat(a).isEqualTo(b).isEqualTo(c);
    }

    @Test
    void otherBrafAllelesAreNotServedV600eEvidence() {
        for (String allele : new String[] {"V600K", "K601E"}) {
            given().queryParam("gene", "BRAF").queryParam("variant", allele).when().get("/evidence")
                    .then().statusCode(200)
                    .body("items.biomarker.alteration", everyItem(not(equalTo("V600E"))));
        }
    }

    @Test
    void aPapillaryQueryFindsTheTumourAgnosticNtrkApprovals() {
        given().queryParam("gene", "NTRK1").queryParam("disease", "THPA").when().get("/evidence")
                .then().statusCode(200)
                .body("items.therapy", hasItems("larotrectinib", "entrectinib"))
                .body("items.diseases.flatten()", hasItem("SOLID"));
    }

    @Test
    void freeTextSearchUsesPostgresFullText() {
        given().queryParam("q", "selpercatinib").when().get("/evidence")
                .then().statusCode(200)
                .body("items.therapy", hasItem("selpercatinib"));
    }

    @Test
    void aSourceIsFoundByDoi() {
        given().when().get("/sources/10.1200/JCO.2017.73.6785")
                .then().statusCode(200)
                .body("source.id", equalTo("S12"));
    }

    @Test
    void aTherapyComesWithAllItsEvidence() {
        given().when().get("/therapies/cabozantinib")
                .then().statusCode(200)
                .body("therapy.name", notNullValue())
                .body("evidence.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void citationsExportAsBibtexAndCslJson() {
        given().queryParam("format", "bibtex").when().get("/exports/citations")
                .then().statusCode(200)
                .body(containsString("@article{S12,"))
                .body(containsString("doi = {10.1200/JCO.2017.73.6785}"));
        given().when().get("/exports/citations")
                .then().statusCode(200)
                .body("find { it.id == 'S12' }.DOI", equalTo("10.1200/JCO.2017.73.6785"));
    }

    @Test
    void statementsExportInVaSpecShape() {
        given().when().get("/exports/statements")
                .then().statusCode(200)
                .body("[0].type", equalTo("Statement"))
                .body("[0].proposition.type", notNullValue());
    }

    @Test
    void badQueriesAreProblemJsonNamingTheParameter() {
        given().queryParam("variant", "p.V600Z").when().get("/evidence")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("variant"));
        given().queryParam("disease", "NOPE").when().get("/evidence")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("disease"));
        // A page or size that is not a whole number: named, not a bare 404 (Jakarta REST's default).
        for (String parameter : List.of("page", "size")) {
            given().queryParam(parameter, "2.5").when().get("/evidence")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'" + parameter + "'"));
        }
        given().queryParam("release", "1999.1.1").when().get("/evidence")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/evidence/EV-DOES-NOT-EXIST")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
